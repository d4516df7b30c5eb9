/**
 * The router in front of an application's replicas, apart from any deployer: {@link
 * io.jenkins.plugins.containerrollout.core.router.TrafficRouter} (which loopback ports get the traffic, and with which
 * weights), its HAProxy implementation over the runtime API ({@link
 * io.jenkins.plugins.containerrollout.core.router.HaproxyRouter}) and the configuration it expects ({@link
 * io.jenkins.plugins.containerrollout.core.router.HaproxyConfig}, optionally with HAProxy's Prometheus exporter), the
 * servers' traffic counters for canary analysis ({@code HaproxyRouter.counters}, read from {@code show stat} by {@link
 * io.jenkins.plugins.containerrollout.core.router.StatCsv} into {@code core.analysis} types), the canary weights as
 * a pure function ({@link io.jenkins.plugins.containerrollout.core.router.WeightSplit}), and what a later command needs to open the same
 * router again ({@link io.jenkins.plugins.containerrollout.core.router.RouterSettings}).
 *
 * <p>It uses only the label keys of {@code core.deploy} (where {@code RouterSettings} is kept with an application's
 * state) and the counter types of {@code core.analysis}; the Docker-host deployer and the front-ends use it, the deploy API does not.
 */
package io.jenkins.plugins.containerrollout.core.router;
