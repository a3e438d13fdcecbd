package dev.sextant.server.ui;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's scripts and styles under /app/ (revalidated on every load, so a new release is
 * picked up at once; they are small and answer 304 when unchanged) and the chart library's WebJar
 * under /webjars/ (versioned paths, cached for a year). With {@code sextant.ui.dir} set, /app/
 * comes from that folder first: edit, reload, no rebuild.
 */
@Configuration(proxyBeanMethods = false)
class DashboardResources implements WebMvcConfigurer {
    private final DashboardController.DashboardFiles files;

    DashboardResources(DashboardController.DashboardFiles files) {
        this.files = files;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        var app = registry.addResourceHandler("/app/**").setCacheControl(CacheControl.noCache());
        if (files.dir() != null) {
            app.addResourceLocations(files.dir().resolve("app").toUri().toString());
        }
        app.addResourceLocations("classpath:/static/app/");
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
    }
}
