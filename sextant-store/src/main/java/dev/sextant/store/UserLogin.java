package dev.sextant.store;

/** What a login checks: the user and the stored password hash (never leaves the server). */
public record UserLogin(User user, String passwordHash) {
    @Override
    public String toString() {
        return "UserLogin[" + user + "]";
    }
}
