package io.ordergate.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A failure the caller must see as a specific problem response. Thrown anywhere, mapped once by
 * {@link ProblemMappers}. As an application exception it passes through EJB boundaries unwrapped
 * and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail) {
        this(new Problem(status, title, detail), Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
