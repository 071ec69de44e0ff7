package nl.kamerstroom.store.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.kamerstroom.support.ApiKeys;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets requests to {@code /api/admin/**} through only with a configured {@code X-Api-Key}, like the ingest API; the
 * rest of the store is open for reading. An interceptor rather than a filter: admin requests have no body to keep
 * from being read, and a refusal thrown here goes through {@link ProblemHandler} like every other API error.
 */
class AdminApiKeyInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;

    AdminApiKeyInterceptor(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String presented = request.getHeader(HEADER);
        if (!keys.matches(presented)) {
            throw new ApiKeyRejectedException(presented == null);
        }
        return true;
    }
}
