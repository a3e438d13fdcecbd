package dev.sextant.analytics.hpo;

/**
 * What is wrong with a search space or a set of hyperparameter values: the parameter, the
 * attribute of it ({@code low}, {@code values}, ...; null for the parameter as a whole or for
 * the space when {@code parameter} is null too) and why.
 */
public record SpaceProblem(String parameter, String attribute, String message) {}
