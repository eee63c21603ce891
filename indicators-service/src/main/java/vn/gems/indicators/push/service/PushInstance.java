package vn.gems.indicators.push.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.gems.common.jobs.InstanceName;
import vn.gems.indicators.config.IndicatorsConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * This instance of indicators-service as pushes see it: its name ({@link InstanceName}: {@code gems.instance-id}, else
 * unique per start), the owner named in push leases, and its own spool folder. Instances may share a spool
 * disk: each marks its folder alive on every heartbeat, and a folder not marked for {@link #STALE_AFTER_LEASES} leases
 * belongs to an instance that is gone and is removed.
 */
@ApplicationScoped
public class PushInstance {

    private static final Logger LOG = Logger.getLogger(PushInstance.class);
    static final String ALIVE = ".alive";
    static final int STALE_AFTER_LEASES = 10;

    private final String id;
    private final Path root;
    private final Duration lease;

    public PushInstance(IndicatorsConfig config, InstanceName instance) {
        // The one instance name of the service (gems.instance-id), as its job claims use it.
        this.id = instance.id();
        // Not the folder of versions that named spool folders by PID: those delete every folder not named by a live PID.
        this.root = config.push().spoolDir().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"), "gems-indicators-push"));
        this.lease = config.push().lease();
    }

    public String id() {
        return id;
    }

    /** This instance's spool folder. */
    public Path spoolDir() {
        return root.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    void onStart(@Observes StartupEvent e) {
        touch();
        sweep();
        LOG.infof("push instance %s, spool folder %s", id, spoolDir());
    }

    /** Marks the spool folder alive (every heartbeat). */
    public void touch() {
        try {
            Files.createDirectories(spoolDir());
            Path alive = spoolDir().resolve(ALIVE);
            if (!Files.exists(alive)) {
                Files.createFile(alive);
            }
            Files.setLastModifiedTime(alive, FileTime.from(Instant.now()));
        } catch (IOException ex) {
            LOG.warnf("spool folder %s not writable: %s", spoolDir(), ex.getMessage());
        }
    }

    /** Removes the spool folders of instances that stopped marking theirs alive (uploads of pushes cut off long ago). */
    public void sweep() {
        Instant before = Instant.now().minus(lease.multipliedBy(STALE_AFTER_LEASES));
        try (var dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                if (!Files.isDirectory(d) || d.equals(spoolDir())) {
                    continue;
                }
                Path alive = d.resolve(ALIVE);
                FileTime seen = Files.getLastModifiedTime(Files.exists(alive) ? alive : d);
                if (seen.toInstant().isBefore(before)) {
                    try (var files = Files.newDirectoryStream(d)) {
                        for (Path f : files) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(d);
                    LOG.infof("removed the spool folder %s of an instance gone since %s", d.getFileName(), seen);
                }
            }
        } catch (IOException ex) {
            // no spool root yet, or a folder another instance removed meanwhile
        }
    }
}
