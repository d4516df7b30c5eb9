/**
 * Streaming JUnit XML parsing for the report dialects smoke tests produce (Maven surefire/failsafe, pytest
 * {@code --junitxml}, jest-junit, go-junit-report): counts every case, keeps details only for the cases that failed.
 */
package io.jenkins.plugins.containerrollout.core.verify.junit;
