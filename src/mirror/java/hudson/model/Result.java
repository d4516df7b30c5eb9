package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {
    private Result() {
    }
}
