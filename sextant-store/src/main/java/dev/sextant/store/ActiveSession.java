package dev.sextant.store;

/** A session found by its token, with its user and the user's role in the session's workspace. */
public record ActiveSession(LoginSession session, User user, Role role) {}
