package dev.switchboard.connectors.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** A real HTTP server on 127.0.0.1 and a free port, recording every request it receives. */
final class LocalServer implements AutoCloseable {

    /** A request as the server saw it. */
    record Received(String method, URI uri, Headers headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    LocalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    /** Serves a path (and everything below it), recording each request before the handler answers. */
    LocalServer on(String path, Handler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(
                        exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(), body));
                handler.handle(exchange);
            }
        });
        return this;
    }

    /** Serves a path with a redirect to {@code location}. */
    LocalServer redirecting(String path, int status, String location) {
        return on(path, exchange -> respond(exchange, status, "text/plain", "", "Location", location));
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        return received.getLast();
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body, String... headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        respond(exchange, status, contentType, bytes, headers);
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] bytes, String... headers)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            exchange.getResponseBody().write(bytes);
        }
    }

    static Map<String, String> queryOf(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(
                        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8),
                        (a, b) -> a + "," + b,
                        LinkedHashMap::new));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
