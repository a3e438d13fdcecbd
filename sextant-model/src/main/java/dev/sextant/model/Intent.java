package dev.sextant.model;

public record Intent(String name, double confidence) {}
