package io.jenkins.plugins.containerrollout.core.verify;

/** What a check runner hands back: the verdict, one line saying why, and the measurements. */
record Verdict(boolean passed, String summary, Evidence evidence) {
}
