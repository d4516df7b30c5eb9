package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {
    public static final Result UNSTABLE = new Result();

    private Result() {
    }
}
