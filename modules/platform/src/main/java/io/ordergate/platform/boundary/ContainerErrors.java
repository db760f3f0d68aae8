package io.ordergate.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the web application ({@code web.xml}): what the container itself refuses or
 * fails at (a path it cannot decode, a method a servlet does not take, an exception that escaped a
 * servlet) is answered as problem+json like everything else, never the container's HTML or a stack
 * trace. Requests Grizzly cannot parse at all (a broken request line, oversized headers) are
 * refused before the application sees them; see docs/bad-input.md.
 */
@WebServlet(urlPatterns = ContainerErrors.PATH)
public class ContainerErrors extends HttpServlet {

    public static final String PATH = "/container-error";
    private static final long serialVersionUID = 1L;
    static final Logger LOG = Logger.getLogger(ContainerErrors.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        var problem = problem(status, request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        var body = problem.toJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The container's message is not passed on: it may echo the request or name internals. */
    static Problem problem(int status, Object exception) {
        if (status >= 500) {
            var reference = UUID.randomUUID().toString();
            LOG.log(
                    Level.SEVERE,
                    "Unexpected error, reference " + reference,
                    exception instanceof Throwable t ? t : null);
            return new Problem(
                    status,
                    title(status),
                    "An unexpected error occurred; quote reference " + reference + " to the operator.");
        }
        return new Problem(
                status,
                title(status),
                switch (status) {
                    case 400 -> "The request is malformed (its path, query, headers or body) and was not processed.";
                    case 404 -> "There is nothing at this path.";
                    case 405 -> "This path does not take this method.";
                    case 413 -> "The request body is too large.";
                    case 414 -> "The request URI is too long.";
                    case 431 -> "The request headers are too large.";
                    default -> "The request was refused.";
                });
    }

    static String title(int status) {
        var known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 431 ? "Request Header Fields Too Large" : "Error";
    }
}
