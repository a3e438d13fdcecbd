package dev.sextant.cli;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Flow;

/**
 * A file sent as a request body: streamed from disk with its {@code Content-Length} (the server can
 * refuse an oversize file before reading it), and a progress line on stderr by the bytes handed to
 * the connection ({@code \r}-rewritten every MiB, and once at the end). The request may take 60 s
 * plus one second per MiB: a slow link must not time out a big file that is still moving.
 */
final class UploadBody {
    private static final long PROGRESS_EVERY_BYTES = 1 << 20;

    private final Path file;
    private final long size;
    private final String contentType;
    private final String label;
    private final PrintWriter err;
    private long sent;
    private long nextProgress = PROGRESS_EVERY_BYTES;

    private UploadBody(Path file, long size, String contentType, String label, PrintWriter err) {
        this.file = file;
        this.size = size;
        this.contentType = contentType;
        this.label = label;
        this.err = err;
    }

    /** The file, checked to be a readable regular file (else exit 2 with why: nothing was sent). */
    static UploadBody of(Path file, String contentType, String label, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.USAGE, file + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        }
        if (!Files.isReadable(file)) {
            throw new CliException(ExitCode.USAGE, file + " is not readable");
        }
        try {
            return new UploadBody(file, Files.size(file), contentType, label, err);
        } catch (java.io.IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read the size of " + file + ": " + e.getMessage());
        }
    }

    String contentType() {
        return contentType;
    }

    long size() {
        return size;
    }

    Duration timeout() {
        return Duration.ofSeconds(60 + size / (1 << 20));
    }

    /** Prints the last progress line (100%) and ends it; call when the server has answered. */
    void done() {
        err.println("\r" + line());
        err.flush();
    }

    String line() {
        return String.format(Locale.ROOT, "%s %s: %s of %s (%d%%)", label, file.getFileName(), mib(sent), mib(size),
                size == 0 ? 100 : Math.round(100.0 * sent / size));
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    private synchronized void sent(int bytes) {
        sent += bytes;
        if (sent >= nextProgress) {
            err.print("\r" + line());
            err.flush();
            while (nextProgress <= sent) {
                nextProgress += PROGRESS_EVERY_BYTES;
            }
        }
    }

    HttpRequest.BodyPublisher publisher() {
        HttpRequest.BodyPublisher inner;
        try {
            inner = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new CliException(ExitCode.USAGE, file + " cannot be read: " + e.getMessage());
        }
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return inner.contentLength();
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                inner.subscribe(new Flow.Subscriber<ByteBuffer>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscriber.onSubscribe(subscription);
                    }

                    @Override
                    public void onNext(ByteBuffer item) {
                        sent(item.remaining());
                        subscriber.onNext(item);
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        subscriber.onError(throwable);
                    }

                    @Override
                    public void onComplete() {
                        subscriber.onComplete();
                    }
                });
            }
        };
    }
}
