package dev.sextant.server.configurations;

import dev.sextant.server.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notes the SDK version of every authenticated API request whose {@code User-Agent} is the
 * Sextant Java SDK's ({@link SdkUserAgent}), for configuration compatibility. Never refuses a request.
 */
final class SdkSightings implements WebMvcConfigurer, HandlerInterceptor {
    private final SeenSdkVersions seen;

    SdkSightings(SeenSdkVersions seen) {
        this.seen = seen;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            SdkUserAgent.version(request.getHeader(HttpHeaders.USER_AGENT))
                    .ifPresent(version -> seen.saw(caller.workspace(), version));
        }
        return true;
    }
}
