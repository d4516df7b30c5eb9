package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/**
 * {@code ports} and {@code volumes}, short and long syntax, as compose-spec/compose-spec {@code 05-services.md}
 * ("ports", "volumes") describes them: the short form and its long equivalent must give the same model.
 */
public class ShortSyntaxTest {
    private static final Path DIR = Path.of("/srv/shop");

    private static final Object[][] PORTS = {
        {"3000", new PortMapping(null, null, 3000, "tcp", "ingress")},
        {3000, new PortMapping(null, null, 3000, "tcp", "ingress")},
        {"8000:8000", new PortMapping(null, 8000, 8000, "tcp", "ingress")},
        {"127.0.0.1:8001:80", new PortMapping("127.0.0.1", 8001, 80, "tcp", "ingress")},
        {"127.0.0.1::5000", new PortMapping("127.0.0.1", null, 5000, "tcp", "ingress")},
        {"6060:6060/udp", new PortMapping(null, 6060, 6060, "udp", "ingress")},
        {"[::1]:6001:6001", new PortMapping("::1", 6001, 6001, "tcp", "ingress")},
        {Map.of("target", 80, "published", "8080", "host_ip", "127.0.0.1", "protocol", "tcp", "mode", "host"),
            new PortMapping("127.0.0.1", 8080, 80, "tcp", "host")},
        {Map.of("target", "80"), new PortMapping(null, null, 80, "tcp", "ingress")},
    };

    private static final Object[][] BAD_PORTS = {
        {"9090-9091:8080-8081", "has a port range '9090-9091'; ranges are not supported"},
        {"80:http", "has 'http', which is not a port number (1-65535)"},
        {"70000", "has '70000', which is not a port number"},
        {"1:2:3:4", "'1:2:3:4' is not a port mapping"},
        {"80/sctp", "has protocol 'sctp'; use tcp or udp"},
        {Map.of("published", 80), ".target is required"},
        {Map.of("target", 80, "mode", "global"), "has mode 'global'; use ingress or host"},
        {Map.of("target", 80, "app_protocol", "http"), ".app_protocol is not supported by containerDeploy(compose:)"},
    };

    private static final Object[][] MOUNTS = {
        {"/data", new Mount(Mount.Type.VOLUME, null, "/data", false)},
        {"data:/var/lib/data", new Mount(Mount.Type.VOLUME, "data", "/var/lib/data", false)},
        {"data:/var/lib/data:ro", new Mount(Mount.Type.VOLUME, "data", "/var/lib/data", true)},
        {"./static:/www:ro", new Mount(Mount.Type.BIND, "/srv/shop/static", "/www", true)},
        {"../conf:/etc/app:rw", new Mount(Mount.Type.BIND, "/srv/conf", "/etc/app", false)},
        {"/var/run/x.sock:/x.sock", new Mount(Mount.Type.BIND, "/var/run/x.sock", "/x.sock", false)},
        {"~/cache:/cache", new Mount(Mount.Type.BIND, "/home/u/cache", "/cache", false)},
        {Map.of("type", "volume", "source", "data", "target", "/var/lib/data", "read_only", true),
            new Mount(Mount.Type.VOLUME, "data", "/var/lib/data", true)},
        {Map.of("type", "bind", "source", "./static", "target", "/www"),
            new Mount(Mount.Type.BIND, "/srv/shop/static", "/www", false)},
    };

    private static final Object[][] BAD_MOUNTS = {
        {"other:/data", "refers to volume 'other', which the top-level volumes: does not declare"},
        {"data:relative", "needs an absolute container path as its target, not 'relative'"},
        {"./x:/x:z", "has mode 'z'; only ro and rw are supported"},
        {"a:b:c:d", "'a:b:c:d' is not a volume"},
        {Map.of("type", "tmpfs", "target", "/tmp"), ".type is 'tmpfs'; only volume and bind mounts are supported"},
        {Map.of("type", "bind", "target", "/x"), ".source is required for a bind mount"},
        {Map.of("type", "volume", "source", "data", "target", "/d", "volume", Map.of("nocopy", true)),
            ".volume is not supported by containerDeploy(compose:)"},
    };

    @Test
    public void readsShortAndLongPortSyntax() {
        for (Object[] row : PORTS) {
            assertEquals(String.valueOf(row[0]), row[1], ShortSyntax.port(row[0], "services.web.ports[0]"));
        }
    }

    @Test
    public void refusesRangesAndMalformedPortsNamingTheEntry() {
        for (Object[] row : BAD_PORTS) {
            ComposeException e = assertThrows(String.valueOf(row[0]), ComposeException.class,
                    () -> ShortSyntax.port(row[0], "services.web.ports[2]"));
            assertTrue(e.getMessage(), e.getMessage().startsWith("services.web.ports[2]")
                    && e.getMessage().contains((String) row[1]));
        }
    }

    @Test
    public void readsNamedAnonymousAndBindMountsResolvingHostPathsAgainstTheFilesFolder() {
        for (Object[] row : MOUNTS) {
            assertEquals(String.valueOf(row[0]), row[1], mount(row[0]));
        }
    }

    @Test
    public void refusesUndeclaredVolumesOtherTypesAndModesNamingTheEntry() {
        for (Object[] row : BAD_MOUNTS) {
            ComposeException e = assertThrows(String.valueOf(row[0]), ComposeException.class, () -> mount(row[0]));
            assertTrue(e.getMessage(), e.getMessage().startsWith("services.web.volumes[1]")
                    && e.getMessage().contains((String) row[1]));
        }
    }

    @Test
    public void writesAMountAsDockerRunTakesIt() {
        assertEquals("shop_data:/var/lib/data:ro", new Mount(Mount.Type.VOLUME, "data", "/var/lib/data", true).asBind("shop_data"));
        assertEquals("/srv/shop/static:/www", new Mount(Mount.Type.BIND, "/srv/shop/static", "/www", false).asBind(null));
        assertEquals("/data", new Mount(Mount.Type.VOLUME, null, "/data", false).asBind(null));
    }

    private static Mount mount(Object entry) {
        return ShortSyntax.mount(entry, "services.web.volumes[1]", DIR, Map.of("HOME", "/home/u")::get, Set.of("data"));
    }
}
