package vn.gems.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server for tests on a free loopback port: speaks just enough SMTP (no TLS, no authentication) to accept
 * every message, and keeps each message's recipients and headers. Nothing is relayed anywhere.
 */
final class SmtpSink implements AutoCloseable {

    /** One accepted message: its recipients and its header lines (unfolded). */
    record Message(List<String> recipients, List<String> headers) {
        /** The first value of a header, or null. */
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst().orElse(null);
        }
    }

    private final ServerSocket server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "smtp-sink");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * What reporting-service needs to mail every notice here: mail on, plain SMTP to this port, one mailbox for every
     * agency, and the mail and reminder jobs every few seconds (every replica runs them; claims and slots keep it once).
     */
    Map<String, String> reportingEnvironment() {
        return Map.of("MAIL_ENABLED", "true", "SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(port()),
                "QUARKUS_MAILER_START_TLS", "DISABLED", "GEMS_REPORTING_MAIL_FALLBACK_RECIPIENT", "notices@gems.test",
                "GEMS_REPORTING_MAIL_INITIAL_BACKOFF", "1s",
                "GEMS_REPORTING_JOBS_MAIL_EVERY", "1s", "GEMS_REPORTING_JOBS_MAIL_DELAY", "1s",
                "GEMS_REPORTING_JOBS_REMINDERS_EVERY", "3s", "GEMS_REPORTING_JOBS_REMINDERS_DELAY", "3s");
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> converse(s), "smtp-sink-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (open) {
                    System.err.println("smtp sink: " + e);
                }
            }
        }
    }

    private void converse(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = s.getOutputStream()) {
            say(out, "220 sink.gems.test ESMTP test sink");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> say(out, "250-sink.gems.test\r\n250-8BITMIME\r\n250 PIPELINING");
                    case "HELO" -> say(out, "250 sink.gems.test");
                    case "MAIL" -> {
                        recipients = new ArrayList<>();
                        say(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(line.substring(line.indexOf(':') + 1).trim());
                        say(out, "250 OK");
                    }
                    case "DATA" -> {
                        say(out, "354 end with <CRLF>.<CRLF>");
                        messages.add(new Message(List.copyOf(recipients), readData(in)));
                        say(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipients = new ArrayList<>();
                        say(out, "250 OK");
                    }
                    case "NOOP" -> say(out, "250 OK");
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away: what it completed is recorded
        }
    }

    /** Reads a message up to the lone dot and returns its header lines, continuation lines joined. */
    private static List<String> readData(BufferedReader in) throws IOException {
        List<String> headers = new ArrayList<>();
        boolean inHeaders = true;
        String line;
        while ((line = in.readLine()) != null && !".".equals(line)) {
            if (!inHeaders) {
                continue;
            }
            if (line.isEmpty()) {
                inHeaders = false;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                headers.set(headers.size() - 1, headers.getLast() + " " + line.trim());
            } else {
                headers.add(line);
            }
        }
        return headers;
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
