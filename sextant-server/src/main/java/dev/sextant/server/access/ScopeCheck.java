package dev.sextant.server.access;

import dev.sextant.server.web.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks the scope each endpoint declares against the caller's key before the handler runs.
 * An /api handler that declares nothing is refused, so a forgotten annotation fails closed.
 */
@Configuration(proxyBeanMethods = false)
class ScopeCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/v1/**").excludePathPatterns(SecurityConfiguration.LOGIN);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Caller caller = caller();
        RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
        if (required != null) {
            if (Arrays.stream(required.value()).noneMatch(caller::has)) {
                throw new MissingScopeException(List.of(required.value()), caller.scopes());
            }
            return true;
        }
        if (method.hasMethodAnnotation(AnyValidKey.class)) {
            return true;
        }
        throw new ForbiddenException("this endpoint declares no scope and is closed", Map.of());
    }

    static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("no authenticated caller on an /api request");
    }
}
