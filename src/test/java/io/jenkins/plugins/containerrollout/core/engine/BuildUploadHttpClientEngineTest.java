package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Build contexts sent in 64 KiB chunks over the engine's unix socket: the engine receives every byte, its refusals come
 * back as docker-java's errors with the engine's words, and closing the client stops an upload under way.
 */
public class BuildUploadHttpClientEngineTest {
    private final String tag = TestBed.unique("upload") + ":1";
    private DockerClient docker;

    @Before
    public void connect() throws EngineException {
        docker = DockerClientFactory.DEFAULT.create(TestBed.host());
    }

    @After
    public void cleanUp() throws Exception {
        TestBed.dockerResult("rmi", "-f", tag);
        docker.close();
    }

    @Test
    public void onlyBuildsTakeTheChunkedPath() {
        assertTrue(BuildUploadHttpClient.isBuild(request("POST", "/v1.41/build?t=web%3A1&rm=true")));
        assertTrue(BuildUploadHttpClient.isBuild(request("POST", "/build")));
        assertFalse(BuildUploadHttpClient.isBuild(request("POST", "/build/prune")));
        assertFalse(BuildUploadHttpClient.isBuild(request("GET", "/build")));
        assertFalse(BuildUploadHttpClient.isBuild(request("POST", "/containers/create?name=build")));
    }

    @Test
    public void everyByteOfAContextReachesTheImage() throws Exception {
        byte[] blob = new byte[3 * 1024 * 1024 + 17]; // many chunks and a short last one
        new Random(7).nextBytes(blob);
        byte[] context = tar("Dockerfile", "FROM scratch\nCOPY blob /blob\nCMD [\"/blob\"]\n".getBytes(StandardCharsets.UTF_8),
                "blob", blob);
        StringBuilder log = new StringBuilder();
        docker.buildImageCmd(new ByteArrayInputStream(context)).withTags(Set.of(tag)).withNoCache(true)
                .exec(new ResultCallback.Adapter<BuildResponseItem>() {
                    @Override
                    public void onNext(BuildResponseItem item) {
                        log.append(item.getStream() == null ? "" : item.getStream());
                    }
                }).awaitCompletion(2, TimeUnit.MINUTES);
        assertTrue(log.toString(), log.toString().contains("Successfully tagged " + tag));

        String container = docker.createContainerCmd(tag).exec().getId();
        try (InputStream archive = docker.copyArchiveFromContainerCmd(container, "/blob").exec();
                TarArchiveInputStream in = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry = in.getNextEntry();
            assertEquals("blob", entry.getName());
            assertArrayEquals("the file in the image is the file sent", blob, in.readAllBytes());
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
    }

    @Test
    public void aContextTheEngineCannotReadGetsTheEnginesMessage() {
        byte[] garbage = new byte[300_000];
        new Random(3).nextBytes(garbage);
        DockerException e = assertThrows(DockerException.class, () -> docker.buildImageCmd(new ByteArrayInputStream(garbage))
                .withTags(Set.of(tag)).exec(new ResultCallback.Adapter<>()).awaitCompletion(1, TimeUnit.MINUTES));
        assertTrue(e.getMessage(), e.getMessage().contains("archive/tar: invalid tar header"));
    }

    @Test
    public void aBuildRefusedBeforeItsContextIsReadGetsTheEnginesMessage() {
        InputStream endless = new InputStream() { // the engine answers without reading it: the upload must not hang
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        DockerException e = assertThrows(DockerException.class, () -> docker.buildImageCmd(endless)
                .withTags(Set.of("Not A Valid Tag")).exec(new ResultCallback.Adapter<>()).awaitCompletion(1, TimeUnit.MINUTES));
        assertTrue(e.getMessage(), e.getMessage().contains("invalid reference format"));
    }

    @Test
    public void closingTheClientStopsAnUploadUnderWay() throws Exception {
        InputStream slow = new InputStream() { // a context that never ends
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.InterruptedIOException {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException("interrupted");
                }
                return Math.min(len, 1024);
            }
        };
        ResultCallback.Adapter<BuildResponseItem> callback = docker.buildImageCmd(slow).withTags(Set.of(tag))
                .exec(new ResultCallback.Adapter<>());
        Thread.sleep(500);
        long closing = System.nanoTime();
        docker.close();
        try {
            callback.awaitCompletion(10, TimeUnit.SECONDS);
        } catch (RuntimeException stopped) {
            // the upload failed: what closing the client is for
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing);
        assertTrue("the build ended " + millis + " ms after the client closed", millis < 5_000);
    }

    private static DockerHttpClient.Request request(String method, String path) {
        return DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.valueOf(method)).path(path)
                .build();
    }

    private static byte[] tar(Object... nameAndBytes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < nameAndBytes.length; i += 2) {
                byte[] data = (byte[]) nameAndBytes[i + 1];
                TarArchiveEntry entry = new TarArchiveEntry((String) nameAndBytes[i]);
                entry.setSize(data.length);
                entry.setMode(0755);
                out.putArchiveEntry(entry);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
