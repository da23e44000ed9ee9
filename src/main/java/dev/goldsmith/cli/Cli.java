package dev.goldsmith.cli;

import dev.goldsmith.Version;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs one command of DESIGN §6 and returns its exit code: 0 done, 1 a batch that did not complete or a
 * runtime error, 2 bad usage or invalid input (and then nothing was changed).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        RootCommand root = new RootCommand(env, outWriter, errWriter);
        CommandLine cl = new CommandLine(root);
        cl.setOut(outWriter);
        cl.setErr(errWriter);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> e instanceof InvalidInputException ? INVALID : FAILED);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidInputException) {
                errWriter.println("goldsmith: " + e.getMessage());
                return INVALID;
            }
            LOG.error("command '{}' failed", commandLine.getCommandName(), e);
            errWriter.println("goldsmith: " + oneSentence(e));
            return FAILED;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            errWriter.println("goldsmith: " + e.getMessage());
            errWriter.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return INVALID;
        });
        try {
            return cl.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
            root.close();
        }
    }

    static String oneSentence(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The version string for {@code --version}. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"goldsmith " + Version.current()};
        }
    }
}
