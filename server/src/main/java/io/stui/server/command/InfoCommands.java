package io.stui.server.command;

import io.stui.protocol.request.InfoType;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.PingResult;
import io.stui.protocol.result.SystemInfo;
import io.stui.protocol.result.SystemInfoResult;
import io.stui.server.config.ServerConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@code ping} and {@code system_info}. Both are cheap ({@code Basic} reads a few counters) and run on
 * the front thread, so they answer while every worker is busy.
 *
 * <p>{@code Environment} lists the server's non-secret settings and the Java runtime; it never
 * includes process environment variables, CURVE keys or the paths of key files.
 */
public final class InfoCommands {

    /** Facts about the running server that these commands report. */
    public record ServerFacts(
            String serverVersion,
            long startedAtMillis,
            String zmqBackend,
            String zmqVersion,
            String smalltalkVersion,
            String imageId,
            ServerConfig config) {}

    private final ServerFacts facts;
    private final IntSupplier sessions;
    private final Supplier<Boolean> accepting;
    private final Supplier<List<Map<String, Object>>> packages;
    private final java.util.function.LongSupplier imageSavedAt;
    private final java.util.function.BooleanSupplier imageUnsaved;
    private final IntSupplier imageSaveFailures;

    /**
     * @param sessions  live session count
     * @param accepting false while the server shuts down
     * @param packages  the engine's packages (name, class count), for {@code Packages}
     * @param imageSavedAt when the default image was last written to the store (epoch ms, 0: not since start)
     * @param imageUnsaved  true while the image has changes the store may not hold yet
     * @param imageSaveFailures saves of the default image that failed since the last that worked
     */
    public InfoCommands(
            ServerFacts facts,
            IntSupplier sessions,
            Supplier<Boolean> accepting,
            Supplier<List<Map<String, Object>>> packages,
            java.util.function.LongSupplier imageSavedAt,
            java.util.function.BooleanSupplier imageUnsaved,
            IntSupplier imageSaveFailures) {
        this.imageSaveFailures = imageSaveFailures;
        this.facts = facts;
        this.imageSavedAt = imageSavedAt;
        this.imageUnsaved = imageUnsaved;
        this.sessions = sessions;
        this.accepting = accepting;
        this.packages = packages;
    }

    /** Seconds since the server started. */
    public long uptimeSeconds() {
        return (System.currentTimeMillis() - facts.startedAtMillis()) / 1000;
    }

    public PingResult ping(Request.Ping r) {
        return new PingResult(
                r.message() == null ? "pong" : r.message(),
                accepting.get() ? "ready" : "stopping",
                uptimeSeconds(),
                facts.serverVersion(),
                facts.zmqBackend());
    }

    public SystemInfoResult systemInfo(Request.SystemInfo r) {
        InfoType type = r.infoType();
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("info_type", type.wireName());
        extra.put("server_version", facts.serverVersion());
        // which image this server holds: made once per store, so a client with several servers keeps them apart
        extra.put("image_id", facts.imageId());
        long saved = imageSavedAt.getAsLong();
        extra.put("image_saved_at", saved == 0 ? null : java.time.Instant.ofEpochMilli(saved));
        extra.put("image_unsaved_changes", imageUnsaved.getAsBoolean());
        extra.put("image_save_failures", imageSaveFailures.getAsInt());
        if (type == InfoType.MEMORY || type == InfoType.ALL) {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("heap_used", heap.getUsed());
            memory.put("heap_committed", heap.getCommitted());
            memory.put("heap_max", heap.getMax());
            memory.put("non_heap_used", nonHeap.getUsed());
            memory.put("available_processors", rt.availableProcessors());
            memory.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
            extra.put("memory", memory);
        }
        if (type == InfoType.PACKAGES || type == InfoType.ALL) {
            List<Map<String, Object>> pkgs = packages.get();
            extra.put("packages", pkgs);
            extra.put("package_count", pkgs.size());
        }
        if (type == InfoType.ENVIRONMENT || type == InfoType.ALL) {
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("java_version", System.getProperty("java.version"));
            env.put("java_vendor", System.getProperty("java.vendor"));
            env.put("os_name", System.getProperty("os.name"));
            env.put("os_arch", System.getProperty("os.arch"));
            env.put("settings", facts.config().nonSecretSettings());
            extra.put("environment", env);
        }
        return new SystemInfoResult(new SystemInfo(
                facts.smalltalkVersion(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                used,
                rt.freeMemory(),
                facts.zmqVersion(),
                facts.zmqBackend(),
                uptimeSeconds(),
                sessions.getAsInt(),
                extra));
    }
}
