package dev.goldsmith.cli;

import dev.goldsmith.Version;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs one command of DESIGN §6 and returns its exit code: 0 done, 1 a batch that did not complete or a
 * runtime error, 2 bad usage or invalid input (and then nothing was changed). Output that cannot be written to
 * stdout (a full disk, a closed pipe) is a runtime error: the command stops at the first failed write and exits 1
 * with one sentence, never reporting success. Error sentences show control characters from the data visibly
 * ({@link TerminalText}).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Stdout stdout = new Stdout(out);
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        RootCommand root = new RootCommand(env, outWriter, errWriter);
        CommandLine cl = new CommandLine(root);
        cl.setOut(outWriter);
        cl.setErr(errWriter);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        numbersInWords(cl);
        cl.setExitCodeExceptionMapper(e -> e instanceof InvalidInputException ? INVALID : FAILED);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (stdout.failure != null) {
                LOG.warn("command '{}' stopped: {}", commandLine.getCommandName(), stdout.failure.getMessage());
                return FAILED; // said once, at the end of run
            }
            if (e instanceof InvalidInputException) {
                errWriter.println("goldsmith: " + TerminalText.visible(e.getMessage()));
                return INVALID;
            }
            LOG.error("command '{}' failed", commandLine.getCommandName(), e);
            errWriter.println("goldsmith: " + TerminalText.visible(oneSentence(e)));
            return FAILED;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            String sentence = parameterError(e);
            errWriter.println("goldsmith: " + TerminalText.visible(sentence));
            if (!sentence.contains("--help")) {
                errWriter.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return INVALID;
        });
        int code;
        try {
            code = cl.execute(args);
            outWriter.flush();
        } catch (StdoutFailure e) {
            code = FAILED; // thrown by the last flush, outside the command
        } finally {
            root.close();
        }
        if (stdout.failure != null) {
            errWriter.println("goldsmith: " + stdout.failure.getMessage());
            code = code == OK ? FAILED : code;
        }
        errWriter.flush();
        return code;
    }

    /**
     * Picocli's sentence, except for a word it cannot place: "'enhanse' is not a goldsmith command; run 'goldsmith
     * --help' to list them." or "goldsmith vaults: unexpected argument 'extra'." rather than "Unmatched argument at index
     * 2: 'enhanse'" (an index counting {@code --db} and its value).
     */
    static String parameterError(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.isUnknownOption() && !u.getUnmatched().isEmpty()) {
            String name = e.getCommandLine().getCommandSpec().qualifiedName();
            String word = u.getUnmatched().get(0);
            return e.getCommandLine().getSubcommands().isEmpty()
                    ? name + ": unexpected argument '" + word + "'."
                    : "'" + word + "' is not a " + name + " command; run '" + name + " --help' to list them.";
        }
        return e.getMessage();
    }

    /**
     * Number options refused in words ("--rpm: 'x' is not a whole number"), not with picocli's Java type names or a
     * {@code NumberFormatException}'s text. Registered on every command; call after all subcommands are added.
     */
    static void numbersInWords(CommandLine cl) {
        CommandLine.ITypeConverter<Integer> integer = s -> {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + s + "' is not a whole number");
            }
        };
        CommandLine.ITypeConverter<Long> whole = s -> {
            try {
                return Long.valueOf(s.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + s + "' is not a whole number");
            }
        };
        cl.registerConverter(Integer.class, integer).registerConverter(Integer.TYPE, integer)
                .registerConverter(Long.class, whole).registerConverter(Long.TYPE, whole)
                .registerConverter(BigDecimal.class, s -> {
                    try {
                        return new BigDecimal(s.strip());
                    } catch (NumberFormatException e) {
                        throw new CommandLine.TypeConversionException("'" + s + "' is not an amount such as 2.50");
                    }
                });
    }

    static String oneSentence(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * Standard output that throws on the first failed write instead of swallowing it as {@link PrintStream} does.
     * The process's own {@code System.out} is bypassed for its file descriptor, so the cause (no space left, broken
     * pipe) is known; any other stream is asked {@link PrintStream#checkError()} after each write.
     */
    private static final class Stdout extends OutputStream {
        private final OutputStream target;
        private final PrintStream checked;
        StdoutFailure failure;

        Stdout(PrintStream out) {
            boolean console = out == System.out;
            this.target = console ? new FileOutputStream(FileDescriptor.out) : out;
            this.checked = console ? null : out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            failIfFailed();
            try {
                target.write(b, off, len);
            } catch (IOException e) {
                throw fail(e.getMessage(), e);
            }
            if (checked != null && checked.checkError()) {
                throw fail(null, null);
            }
        }

        @Override
        public void flush() {
            failIfFailed();
            try {
                target.flush();
            } catch (IOException e) {
                throw fail(e.getMessage(), e);
            }
            if (checked != null && checked.checkError()) {
                throw fail(null, null);
            }
        }

        private void failIfFailed() {
            if (failure != null) {
                throw failure;
            }
        }

        private StdoutFailure fail(String reason, IOException cause) {
            failure = new StdoutFailure("Cannot write to standard output: "
                    + (reason == null || reason.isBlank() ? "it is closed or the disk is full" : reason) + ".", cause);
            return failure;
        }
    }

    /** Standard output could not be written; the command stops. */
    static final class StdoutFailure extends RuntimeException {
        StdoutFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The version string for {@code --version}. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"goldsmith " + Version.current()};
        }
    }
}
