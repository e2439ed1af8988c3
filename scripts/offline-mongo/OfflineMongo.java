/*
 * Offline MongoDB-compatible server (mongo-java-server) for machines without a mongod binary.
 *
 *   java -cp "<cache>/lib/*" scripts/offline-mongo/OfflineMongo.java [--port N] [--host H] [--h2 FILE] [--oplog]
 *   (scripts/offline-mongo.sh runs it precompiled: java -cp <cache>/launcher.jar:<cache>/lib/... OfflineMongo ...)
 *
 * Port: --port N, else env OFFLINE_MONGO_PORT, else 0 (= pick a free port).
 * Prints exactly one stdout line "mongodb://HOST:PORT" once listening, then runs until SIGTERM/SIGINT.
 * stdin is never read, so it can run detached (nohup ... </dev/null).
 * Options: --h2 FILE (persistent store), --oplog (enables change streams), --watch-pid PID (exit with PID).
 */

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

public class OfflineMongo {

    /*
     * mongo-java-server's newest built-in ServerVersion is 5.0 / wire 8, but the Node driver 7
     * (mongoose 9) rejects servers with maxWireVersion < 9 ("requires at least MongoDB 4.2").
     * Advertising 6.0 / wire 17 only changes isMaster/buildInfo/serverStatus output; the supported
     * command set stays the same (no transactions, no `hello` command - the driver falls back to isMaster).
     */
    static final MongoVersion MONGO_6_0 = new MongoVersion() {
        @Override public List<Integer> getVersionArray() { return List.of(6, 0, 0); }
        @Override public int getWireVersion() { return 17; }
    };

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        String envPort = System.getenv("OFFLINE_MONGO_PORT");
        int port = envPort == null || envPort.isBlank() ? 0 : Integer.parseInt(envPort.trim());
        String h2File = null;
        boolean oplog = false;
        long watchPid = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port": port = Integer.parseInt(args[++i]); break;
                case "--host": host = args[++i]; break;
                case "--h2": h2File = args[++i]; break;
                case "--oplog": oplog = true; break;
                case "--watch-pid": watchPid = Long.parseLong(args[++i]); break;
                default:
                    System.err.println("offline-mongo: unknown argument '" + args[i] + "'");
                    System.err.println("usage: OfflineMongo [--port N] [--host H] [--h2 FILE] [--oplog] [--watch-pid PID]");
                    System.exit(2);
            }
        }

        MongoBackend backend = h2File == null ? new MemoryBackend() : openH2(h2File);
        backend.version(MONGO_6_0);

        MongoServer server = new MongoServer(backend);
        // Change streams (watch()) need the oplog; opt-in because it grows unbounded (local.oplog.rs).
        if (oplog) server.enableOplog();
        try {
            server.bind(host, port);
        } catch (Exception e) { // netty rethrows the checked BindException sneakily
            // Explicit exit: after a failed bind leftover non-daemon threads could keep the JVM alive.
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            System.err.println("offline-mongo: cannot listen on " + host + ":" + port + ": " + root);
            System.exit(1);
        }

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT run shutdown hooks: close clients, stop netty, close backend (flushes H2).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.shutdownNow();
            } finally {
                stopped.countDown();
            }
        }, "offline-mongo-shutdown"));

        // --watch-pid: exit when that process dies, so a parent killed hard (SIGKILL, crash) leaves no orphan JVM.
        if (watchPid > 0) {
            ProcessHandle.of(watchPid).ifPresentOrElse(
                ph -> ph.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
        }

        InetSocketAddress addr = server.getLocalAddress();
        System.out.println("mongodb://" + host + ":" + addr.getPort());
        System.out.flush();
        System.err.println("offline-mongo: listening on " + host + ":" + addr.getPort()
            + (h2File == null ? " (in-memory)" : " (h2: " + h2File + ")") + ", pid " + ProcessHandle.current().pid());

        stopped.await(); // keep the JVM alive regardless of netty thread daemon-ness
    }

    // Reflection so the class compiles/runs even when the optional h2 jars are absent.
    static MongoBackend openH2(String file) throws Exception {
        try {
            Class<?> c = Class.forName("de.bwaldvogel.mongo.backend.h2.H2Backend");
            return (MongoBackend) c.getConstructor(String.class).newInstance(file);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("--h2 needs mongo-java-server-h2-backend on the classpath", e);
        }
    }
}
