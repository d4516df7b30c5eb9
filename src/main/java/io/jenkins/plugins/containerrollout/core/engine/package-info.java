/** Connecting to a Docker engine: host selection the Docker way ({@code DOCKER_HOST}, TLS) and client creation. */
package io.jenkins.plugins.containerrollout.core.engine;
