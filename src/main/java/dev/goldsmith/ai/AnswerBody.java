package dev.goldsmith.ai;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads an answer's body with a size cap, so an answer that never ends (or a huge one) cannot fill the heap: at most
 * {@code limit} bytes are ever held, and the rest is left unread: the caller then cancels the call, which closes the
 * connection at once (closing only the body would have OkHttp drain the rest for up to 100 ms). The
 * time it may take is bounded by the call timeout, which OkHttp keeps running until the body is read or closed.
 * A 2xx answer is then decoded strictly ({@link Read#strictText}): text with replacement characters is never taken
 * for the model's words.
 */
final class AnswerBody {

    /** The most a 2xx answer may hold: an answer of 4,000 characters and its JSON take a few KB. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The most of an error answer that is read: enough for any provider's error message. */
    static final int MAX_ERROR_BYTES = 64 * 1024;

    /**
     * What was read.
     *
     * @param bytes   the body, or its first {@code limit} bytes when {@code cut}
     * @param cut     whether the body was longer than the limit (then the rest was not read)
     * @param charset the charset of the body: its byte-order mark, else its {@code Content-Type}, else UTF-8
     */
    record Read(byte[] bytes, boolean cut, Charset charset) {
        /** The bytes as text; malformed sequences become U+FFFD (enough for an error message). */
        String lenientText() {
            return new String(bytes, charset);
        }

        /**
         * The bytes as text, decoded strictly: a malformed or unmappable sequence is refused, never replaced.
         *
         * @throws MalformedAnswerException naming the byte where decoding failed
         */
        String strictText() throws MalformedAnswerException {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                throw new MalformedAnswerException("it is not valid " + charset.name() + " (a malformed byte sequence at byte "
                        + in.position() + ").");
            }
            return out.flip().toString();
        }
    }

    /** A body that is not valid text in its charset. */
    static final class MalformedAnswerException extends Exception {
        MalformedAnswerException(String message) {
            super(message);
        }
    }

    private AnswerBody() {
    }

    /**
     * Reads at most {@code limit} bytes of {@code body}. A body that declares a greater {@code Content-Length} is
     * not read at all when {@code skipDeclaredOversize}.
     *
     * @throws IOException when the connection fails or the call times out while reading
     */
    static Read read(ResponseBody body, int limit, boolean skipDeclaredOversize) throws IOException {
        MediaType type = body.contentType();
        Charset declared = type == null ? null : type.charset(null);
        if (skipDeclaredOversize && body.contentLength() > limit) {
            return new Read(new byte[0], true, declared == null ? StandardCharsets.UTF_8 : declared);
        }
        BufferedSource source = body.source();
        boolean more = source.request(limit + 1L);
        byte[] bytes = more ? source.readByteArray(limit) : source.readByteArray();
        return withoutBom(bytes, more, declared == null ? StandardCharsets.UTF_8 : declared);
    }

    private static Read withoutBom(byte[] bytes, boolean cut, Charset charset) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Read(Arrays.copyOfRange(bytes, 3, bytes.length), cut, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Read(Arrays.copyOfRange(bytes, 2, bytes.length), cut, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Read(Arrays.copyOfRange(bytes, 2, bytes.length), cut, StandardCharsets.UTF_16LE);
        }
        return new Read(bytes, cut, charset);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
