package dev.sextant.server.experiments;

/**
 * One variant as posted: {@code id} (a slug), {@code name} (default: the id), the
 * {@code configuration_version} it runs, its {@code allocation} in whole percent and whether it is
 * the {@code control} (default: the first variant).
 */
record VariantBody(String id, String name, String configurationVersion, Integer allocation, Boolean control) {}
