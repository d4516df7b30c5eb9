/**
 * The Jenkins-free engine of container-rollout: building images, rolling them out, verifying and rolling back,
 * and recording what happened. Nothing here may import a Jenkins type ({@code ArchitectureTest} enforces it),
 * so the same code runs inside a Jenkins agent, in the CLI and in tests against a real Docker engine.
 */
package io.jenkins.plugins.containerrollout.core;
