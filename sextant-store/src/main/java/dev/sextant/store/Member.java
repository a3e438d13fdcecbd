package dev.sextant.store;

/** A user as a member of one workspace. */
public record Member(User user, Role role) {}
