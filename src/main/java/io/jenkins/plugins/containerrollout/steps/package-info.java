/** The Pipeline steps: thin Jenkins glue that maps step arguments to core requests and runs them on the agent. */
package io.jenkins.plugins.containerrollout.steps;
