/** What Jenkins keeps and shows of rollouts: the build action, the job action and their persistence. */
package io.jenkins.plugins.containerrollout.model;
