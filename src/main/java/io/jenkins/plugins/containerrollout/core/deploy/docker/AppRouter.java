package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.router.RouterSettings;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import java.io.IOException;

/**
 * Which router a deploy or rollback of one application uses, so that no command leaves its traffic on stopped
 * replicas: the router given wins (and is recorded instead, said on the console when it replaces another one);
 * without one, the router recorded with the application is opened again, after checking that it answers. A recorded
 * router that does not answer is refused before anything changes, naming the options that give it again.
 *
 * <p>Usage: {@code TrafficRouter r = AppRouter.choose("web", given, store.state("web").router(), sink);}
 */
final class AppRouter {
    private AppRouter() {
    }

    /**
     * @param given    the router the deployer was made with, or {@link TrafficRouter#NONE} when none was given
     * @param recorded the router recorded with the application, or null
     * @throws IllegalArgumentException the recorded router does not answer (nothing was changed)
     */
    static TrafficRouter choose(String app, TrafficRouter given, RouterSettings recorded, ProgressSink sink) {
        if (given != TrafficRouter.NONE) {
            given.settings(app).filter(s -> recorded != null && !s.equals(recorded)).ifPresent(s -> sink.line(app
                    + ": router " + s.describe() + " replaces the router recorded with the app (" + recorded.describe()
                    + "); later commands without router options use the new one"));
            return given;
        }
        if (recorded == null) {
            return TrafficRouter.NONE;
        }
        TrafficRouter reopened = recorded.open();
        try {
            reopened.routed(app); // the backend is there and answers
        } catch (IOException e) {
            String why = e.getMessage() == null ? "no reply" : e.getMessage();
            throw new RequestException("router: app '" + app + "' was deployed behind " + recorded.describe()
                    + ", as recorded with the app, and that router does not answer (" + why + "); nothing was "
                    + "changed. Start that HAProxy again, or give the router the app is behind now: "
                    + recorded.options() + " (command line), " + recorded.stepParameter() + " (step)");
        }
        sink.line(app + ": no router given; keeping the traffic of the app on its replicas through "
                + recorded.describe() + ", as recorded with the app");
        return reopened;
    }

    /**
     * Blue-green and canary move traffic between revisions, so they need a router; a blue-green release that waits for
     * promotion needs its preview address. The core serves the Pipeline steps
     * and the CLI, so the refusal names the step parameter and the option.
     */
    static void requireFor(String app, RolloutStrategy strategy, TrafficRouter router) {
        if (strategy.movesTraffic() && router == TrafficRouter.NONE) {
            throw new RequestException("strategy: " + (strategy instanceof RolloutStrategy.Canary ? "canary splits traffic"
                    + " by weight" : "blueGreen switches traffic") + ", so it needs a router in front of the replicas; give"
                    + " the router parameter (router: haproxy(socket: '/run/haproxy/admin.sock')) or, on the command line,"
                    + " --router haproxy --router-socket PATH; or use 'rolling'");
        }
        if (strategy instanceof RolloutStrategy.BlueGreen bg && !bg.autoPromote() && router != TrafficRouter.NONE
                && router.previewUrl(app).isEmpty()) {
            // refused before anything starts: the new colour would come up with nowhere to be verified
            throw new RequestException("autoPromote: false holds the new colour on the router's preview address, and "
                    + "this router has none; give it one (haproxy(previewPort: PORT), --router-preview-port PORT, with "
                    + "router-config --preview-port PORT) or leave autoPromote on");
        }
    }

    /** What the state records of the router a command uses: its settings, or null (none, or one that cannot say). */
    static RouterSettings recorded(String app, TrafficRouter used) {
        return used.settings(app).orElse(null);
    }
}
