package io.jenkins.plugins.containerrollout.model;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A servlet response that keeps what a web method set: content type, length, headers (last value per name) and the
 * body. Any other call fails the test, so a web method cannot depend on something this does not check.
 *
 * <p>Usage: {@code CapturedResponse rsp = new CapturedResponse(); action.doReport(rsp.proxy()); rsp.body();}
 */
final class CapturedResponse {
    String contentType;
    int contentLength = -1;
    final Map<String, String> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    String body() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    HttpServletResponse proxy() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (self, method, args) -> switch (method.getName()) {
                    case "setContentType" -> {
                        contentType = (String) args[0];
                        yield null;
                    }
                    case "setContentLength" -> {
                        contentLength = (Integer) args[0];
                        yield null;
                    }
                    case "setHeader" -> {
                        headers.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
