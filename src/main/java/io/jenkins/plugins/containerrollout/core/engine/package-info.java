/**
 * Connecting to a Docker engine: host selection the Docker way ({@code DOCKER_HOST}, TLS) in {@code DockerHost}, and
 * {@code DockerClientFactory}, which builds docker-java clients from that alone (no properties files, no environment)
 * and turns connection and TLS failures into one-line {@code EngineException}s.
 */
package io.jenkins.plugins.containerrollout.core.engine;
