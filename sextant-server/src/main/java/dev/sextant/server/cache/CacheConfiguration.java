package dev.sextant.server.cache;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The answer cache, registered after Spring Security's filters so that the caller is known. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnswerCacheSettings.class)
class CacheConfiguration {

    @Bean
    DataVersions dataVersions() {
        return new DataVersions();
    }

    @Bean
    FilterRegistrationBean<AnswerCache> answerCache(AnswerCacheSettings settings, DataVersions versions, Clock clock) {
        FilterRegistrationBean<AnswerCache> registration =
                new FilterRegistrationBean<>(new AnswerCache(settings, versions, clock));
        registration.setOrder(0); // Spring Security's chain runs at -100
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }
}
