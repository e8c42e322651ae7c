package io.portbroker.fn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Opens the built target/function.zip the way Lambda unpacks it into /var/task. */
class FunctionZipIT {
    private static final Path ZIP = Path.of("target/function.zip");

    @Test
    void bootstrap_shouldBeExecutableAndStartTheRuntimeLoop_whenUnpacked() throws IOException {
        try (FileSystem zip = open()) {
            // given
            Path bootstrap = zip.getPath("/pb-stream-bootstrap");

            // when
            var permissions = Files.getPosixFilePermissions(bootstrap);
            String script = Files.readString(bootstrap, StandardCharsets.UTF_8);

            // then
            assertThat(permissions)
                    .contains(
                            PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE,
                            PosixFilePermission.OTHERS_READ);
            assertThat(script)
                    .startsWith("#!/bin/sh\n")
                    .contains("exec \"${PB_JAVA:-/var/lang/bin/java}\" $cds -cp \"$root/lib/*\""
                            + " io.portbroker.fn.gateway.StreamingRuntime\n")
                    .doesNotContain("\r");
        }
    }

    @Test
    void bootstrap_shouldUseTheAppCdsArchive_onlyWhenThePackageHoldsOne() throws Exception {
        // given: the packaged wrapper unpacked as /var/task, a stand-in java that prints its arguments
        Path task = Files.createTempDirectory("pb-task");
        Path bootstrap = task.resolve("pb-stream-bootstrap");
        try (FileSystem zip = open()) {
            Files.copy(zip.getPath("/pb-stream-bootstrap"), bootstrap);
        }
        Path java = task.resolve("java-args");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n", StandardCharsets.UTF_8);
        java.toFile().setExecutable(true);

        // when
        String without = runWrapper(bootstrap, task, java);
        Files.write(task.resolve("portbroker.jsa"), new byte[] {1});
        String with = runWrapper(bootstrap, task, java);

        // then
        String classPath = "-cp " + task + "/lib/* io.portbroker.fn.gateway.StreamingRuntime";
        assertThat(without.strip()).isEqualTo(classPath);
        assertThat(with.strip())
                .isEqualTo("-XX:SharedArchiveFile=" + task + "/portbroker.jsa -Xshare:auto " + classPath);
    }

    @Test
    void customRuntimeBootstrap_shouldRunTheLayersJavaWithItsAotCache_onTheJarsInByteOrder() throws Exception {
        // given: function.zip's bootstrap as /var/task/bootstrap, a layer as /opt whose java prints its arguments
        Path task = Files.createTempDirectory("pb-task");
        Path opt = Files.createTempDirectory("pb-opt");
        Path bootstrap = task.resolve("bootstrap");
        try (FileSystem zip = open()) {
            Files.copy(zip.getPath("/bootstrap"), bootstrap);
            assertThat(Files.getPosixFilePermissions(zip.getPath("/bootstrap")))
                    .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.createDirectories(task.resolve("lib"));
        for (String jar : List.of("b.jar", "B.jar", "a-1.jar")) {
            Files.write(task.resolve("lib").resolve(jar), new byte[] {1});
        }
        Path java = Files.createDirectories(opt.resolve("jre/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n", StandardCharsets.UTF_8);
        java.toFile().setExecutable(true);

        // when
        String without = run(bootstrap, Map.of("LAMBDA_TASK_ROOT", task.toString(), "PB_RUNTIME_ROOT", opt.toString()));
        Files.write(opt.resolve("portbroker.aot"), new byte[] {1});
        String with = run(bootstrap, Map.of("LAMBDA_TASK_ROOT", task.toString(), "PB_RUNTIME_ROOT", opt.toString()));

        // then: no flags of its own (JAVA_TOOL_OPTIONS carries them), the cache only when the layer holds it
        String lib = task + "/lib/";
        String loop =
                "-cp " + lib + "B.jar:" + lib + "a-1.jar:" + lib + "b.jar io.portbroker.fn.gateway.StreamingRuntime";
        assertThat(without.strip()).isEqualTo(loop);
        assertThat(with.strip()).isEqualTo("-XX:AOTCache=" + opt + "/portbroker.aot " + loop);
    }

    private static String run(Path script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return out;
    }

    private static String runWrapper(Path bootstrap, Path task, Path java) throws Exception {
        return run(bootstrap, Map.of("LAMBDA_TASK_ROOT", task.toString(), "PB_JAVA", java.toString()));
    }

    @Test
    void lib_shouldHoldTheModuleAndItsRuntimeJarsButNoServerOrUnusedHttpClients_whenPackaged() throws IOException {
        try (FileSystem zip = open()) {
            // when
            List<String> jars = list(zip.getPath("/lib"));
            List<String> root = list(zip.getPath("/"));

            // then
            assertThat(root).containsExactlyInAnyOrder("bootstrap", "lib", "pb-stream-bootstrap");
            assertThat(jars)
                    .anyMatch(j -> j.startsWith("portbroker-fn-gateway-"))
                    .anyMatch(j -> j.startsWith("portbroker-core-"))
                    .anyMatch(j -> j.startsWith("micronaut-inject-"))
                    .anyMatch(j -> j.startsWith("url-connection-client-"))
                    .noneMatch(j -> j.startsWith("netty-") || j.startsWith("micronaut-http-server-netty"))
                    .noneMatch(j -> j.startsWith("apache-client-") || j.startsWith("httpclient"))
                    .noneMatch(j -> j.startsWith("junit") || j.startsWith("assertj"));
            // 48 MB: zstd-jni (the response cache's L3 codec) ships natives for every platform, ~7 MB; still under
            // Lambda's 50 MB direct-upload limit
            assertThat(Files.size(ZIP)).isLessThan(48L * 1024 * 1024);
        }
    }

    private static FileSystem open() throws IOException {
        assertThat(ZIP).as("run the package phase first").exists();
        URI uri = URI.create("jar:" + ZIP.toAbsolutePath().toUri());
        return FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", "true"));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString().replace("/", ""))
                    .sorted()
                    .toList();
        }
    }
}
