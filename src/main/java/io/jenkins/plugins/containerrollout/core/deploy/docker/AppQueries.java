package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.LogMask;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppName;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaLogs;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link DockerDeployer} answers about an application without changing it: its kept revisions, its status now,
 * and its replicas' logs. Read from the engine alone, so any process can ask.
 */
final class AppQueries {
    private final DockerHost host;
    private final AppEngine engine;
    private final EngineState store;
    private final RegistryCredentials credentials;

    AppQueries(DockerHost host, AppEngine engine, EngineState store, RegistryCredentials credentials) {
        this.host = host;
        this.engine = engine;
        this.store = store;
        this.credentials = credentials;
    }

    /** Kept revisions of {@code app}, oldest first, read from the engine alone. */
    List<RevisionInfo> history(String app) {
        AppName.check(app);
        AppState state = store.state(app);
        List<ReplicaRef> replicas = engine.replicas(app);
        List<RevisionInfo> out = new ArrayList<>();
        for (Revision r : store.revisions(app)) {
            List<ReplicaRef> of = replicas.stream().filter(x -> x.revision() == r.number()).toList();
            int running = (int) of.stream().filter(ReplicaRef::running).count();
            int kept = of.size() - running;
            // replaced by the last rollout, which returned once they were told to stop: still exiting (as status says)
            int stopping = state.toldToStop(r.number()) ? running : 0;
            out.add(new RevisionInfo(r.number(), r.spec().image(), r.imageId(), r.digest(), r.specHash(), r.buildUrl(),
                    r.commit(), r.createdMillis(), r.number() == state.stable(), running - stopping, kept, r.spec(),
                    stopping));
        }
        return out;
    }

    List<ReplicaLogs> logs(String app, int revision, int tail) {
        AppName.check(app);
        if (tail < 1 || tail > 10_000) {
            throw new RequestException("tail: " + tail + " is out of range; use 1 to 10000 lines");
        }
        AppState state = store.state(app);
        int wanted = revision > 0 ? revision : state.current();
        Revision rev = Revision.byNumber(store.revisions(app)).get(wanted);
        if (rev == null) {
            throw new RequestException("revision: app '" + app + "' has no kept revision " + wanted + " on " + host.uri()
                    + "; 'history --app " + app + "' lists the kept ones");
        }
        LogMask mask = new LogMask(credentials, rev.spec().env());
        List<ReplicaLogs> out = new ArrayList<>();
        for (ReplicaRef r : engine.replicas(app)) {
            if (r.revision() == wanted) {
                ReplicaEngine.LogTail t = engine.logs(r.id(), tail, 1 << 20);
                out.add(new ReplicaLogs(r.name(), r.revision(), r.running(), t.lines().stream().map(mask::apply)
                        .toList(), t.truncated()));
            }
        }
        return out;
    }

    /** Desired and ready replicas of {@code app} now (one probe per running replica), and its last phase. */
    AppStatus status(String app) {
        AppName.check(app);
        AppListing listing = AppListing.of(engine.containers(app), engine.volumes(app));
        return listing.status(app, new ReplicaCheck(engine, listing.healthRules(), ProbeSettings.defaults()));
    }
}
