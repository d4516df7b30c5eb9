/** {@code containerBuild}'s core: build context with {@code .dockerignore}, image build, tagging and push. */
package io.jenkins.plugins.containerrollout.core.image;
