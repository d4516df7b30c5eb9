package jenkins;

public enum YesNoMaybe {
    YES, NO, MAYBE;

    public static Boolean toBoolean(YesNoMaybe v) {
        throw new UnsupportedOperationException("compile-only mirror");
    }

    public Boolean toBool() {
        throw new UnsupportedOperationException("compile-only mirror");
    }
}
