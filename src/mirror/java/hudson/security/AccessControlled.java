package hudson.security;

public interface AccessControlled {
    default boolean hasPermission(Permission p) {
        throw new UnsupportedOperationException("compile-only mirror");
    }
}
