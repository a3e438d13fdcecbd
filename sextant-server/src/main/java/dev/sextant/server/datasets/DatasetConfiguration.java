package dev.sextant.server.datasets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatasetUploadSettings.class)
class DatasetConfiguration {}
