package nl.kamerstroom.support;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem bodies of Kamerstroom's APIs: {@code type} is a URN per kind of problem
 * ({@code urn:kamerstroom:problem:<code>}), {@code code} the same for scripts, {@code detail} says what to do.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:kamerstroom:problem:" + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(int status, String code, String title, String detail) {
        return of(HttpStatusCode.valueOf(status), code, title, detail);
    }
}
