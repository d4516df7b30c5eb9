package io.jenkins.plugins.containerrollout.core.verify.junit;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class FailedCaseTest {
    private static FailedCase named(String className, String name) {
        return new FailedCase("suite", className, name, 0, CaseOutcome.FAILED, "", "boom", "");
    }

    @Test
    public void displayNameIsTheCaseNameWhenTheClassNameIsNull() {
        assertEquals("checkout", named(null, "checkout").displayName());
    }

    @Test
    public void displayNameIsTheCaseNameWhenTheClassNameIsEmpty() {
        assertEquals("checkout", named("", "checkout").displayName());
    }

    @Test
    public void displayNameJoinsClassAndCaseWithADot() {
        assertEquals("shop.Cart.checkout", named("shop.Cart", "checkout").displayName());
    }
}
