package io.jenkins.plugins.containerrollout.core.compose;

import java.io.Serializable;
import java.util.Map;

/**
 * An entry of the top-level {@code volumes:} or {@code networks:} (compose-spec {@code 06-networks.md},
 * {@code 07-volumes.md}), with the name the engine knows it by: {@code name:} when given, the key itself when it is
 * {@code external}, else {@code <project>_<key>} as Compose names it.
 *
 * <p>Usage: {@code String engineName = project.volumes().get("data").name()}
 *
 * @param key        the key in the file
 * @param name       the engine's name for it
 * @param driver     the driver, or null for the engine's default
 * @param external   created outside the project: never created or removed by a deploy
 * @param labels     labels to put on it
 * @param driverOpts driver options
 */
public record NamedResource(String key, String name, String driver, boolean external, Map<String, String> labels,
        Map<String, String> driverOpts) implements Serializable {
}
