package dev.sextant.server.erasure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code sextant.erasure.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErasureSettings.class)
class ErasureConfiguration {}
