package com.cti.ingest.delivery;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import com.cti.ingest.delivery.SpoolCheckpoint.Position;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, append-only, size-bounded queue of records on disk. Records are appended to
 * segment files ({@code segment-NNN.log}) framed as {@code [length][CRC-32C][bytes]} and
 * fsync'd before {@link #append} returns; a {@link SpoolCheckpoint} remembers how far
 * they have been forwarded. Fully forwarded segments are deleted, and the spool starts a
 * fresh file whenever it has been emptied. On opening, a torn record at the end of a file
 * (a crash in the middle of a write, never acknowledged) is cut off, and every record
 * after the checkpoint is ready to be read again. A lock file keeps a second process out.
 * <p>
 * Appends come from many threads (with group commit: one fsync covers every record
 * written before it); reading and committing come from one forwarding thread.
 */
class EventSpool implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EventSpool.class);

	static final int HEADER_SIZE = 8;

	static final int MAX_RECORD_SIZE = 16 * 1024 * 1024;

	private static final Pattern SEGMENT_NAME = Pattern.compile("segment-(\\d{20})\\.log");

	private final Path directory;

	private final long maxSize;

	private final long segmentSize;

	private final SpoolCheckpoint checkpoint;

	private final FileChannel lockChannel;

	private final ReentrantLock appendLock = new ReentrantLock();

	private volatile boolean refusing;

	/** Taken after {@link #appendLock} when both are needed. */
	private final Object syncMonitor = new Object();

	private final Object signal = new Object();

	private final NavigableMap<Long, Segment> segments = new ConcurrentSkipListMap<>();

	private final AtomicLong depth = new AtomicLong();

	private final AtomicLong size = new AtomicLong();

	private volatile @Nullable Segment active;

	private long nextSegmentId;

	private volatile Position committed;

	private @Nullable Segment reading;

	private @Nullable FileChannel readChannel;

	EventSpool(Path directory, long maxSize, long segmentSize) throws IOException {
		this.directory = directory.toAbsolutePath();
		this.maxSize = maxSize;
		this.segmentSize = segmentSize;
		Files.createDirectories(this.directory);
		this.lockChannel = lock(this.directory);
		try {
			this.checkpoint = new SpoolCheckpoint(this.directory);
			this.committed = recover(this.checkpoint.read());
		}
		catch (IOException | RuntimeException ex) {
			this.lockChannel.close();
			throw ex;
		}
	}

	private static FileChannel lock(Path directory) throws IOException {
		FileChannel channel = FileChannel.open(directory.resolve("spool.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("The spool directory " + directory
					+ " is in use by another ingest instance: give each instance its own INGEST_SPOOL_DIR");
		}
		return channel;
	}

	private Position recover(Position checkpoint) throws IOException {
		List<Long> ids = segmentIds();
		for (long id : ids) {
			Segment segment = new Segment(id, segmentPath(id));
			if (id < checkpoint.segment()) {
				// forwarded before a crash that came before its deletion
				Files.deleteIfExists(segment.path);
				continue;
			}
			scan(segment, (id == checkpoint.segment()) ? checkpoint.offset() : 0);
			this.segments.put(id, segment);
			this.size.addAndGet(segment.size);
		}
		long last = this.segments.isEmpty() ? -1 : this.segments.lastKey();
		this.nextSegmentId = Math.max(last + 1, checkpoint.segment() + ((checkpoint.offset() > 0) ? 1 : 0));
		for (Segment segment : this.segments.values()) {
			segment.sealed = true;
		}
		Position start = checkpoint;
		Segment first = this.segments.ceilingEntry(checkpoint.segment()) != null
				? this.segments.ceilingEntry(checkpoint.segment()).getValue() : null;
		if (first == null) {
			start = new Position(this.nextSegmentId, 0);
		}
		else if (first.id != checkpoint.segment()) {
			start = new Position(first.id, 0);
		}
		else if (checkpoint.offset() > first.size) {
			start = new Position(first.id, first.size);
		}
		if (this.depth.get() > 0) {
			logger.info("The spool in {} holds {} events not yet forwarded to Kafka", this.directory, this.depth.get());
		}
		return start;
	}

	private List<Long> segmentIds() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((file) -> SEGMENT_NAME.matcher(file.getFileName().toString()))
				.filter(Matcher::matches)
				.map((matcher) -> Long.parseLong(matcher.group(1)))
				.sorted()
				.toList();
		}
	}

	/**
	 * Reads a segment's records to find where the valid ones end, counts those not yet
	 * forwarded, and cuts off whatever follows the last valid one.
	 */
	private void scan(Segment segment, long forwardedUpTo) throws IOException {
		try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			long fileSize = channel.size();
			long offset = 0;
			while (true) {
				byte[] record = readRecord(channel, offset, fileSize);
				if (record == null) {
					break;
				}
				if (offset >= forwardedUpTo) {
					this.depth.incrementAndGet();
				}
				offset += HEADER_SIZE + record.length;
			}
			if (offset < fileSize) {
				logger.warn("Cutting {} bytes that do not form a whole record off the end of {}", fileSize - offset,
						segment.path.getFileName());
				channel.truncate(offset);
				channel.force(true);
			}
			segment.size = offset;
			segment.synced = offset;
		}
	}

	/** The record at the offset, or null when there is no whole, intact record there. */
	private static byte @Nullable [] readRecord(FileChannel channel, long offset, long end) throws IOException {
		if (offset + HEADER_SIZE > end) {
			return null;
		}
		ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
		readFully(channel, header, offset);
		int length = header.getInt(0);
		int crc = header.getInt(4);
		if (length <= 0 || length > MAX_RECORD_SIZE || offset + HEADER_SIZE + length > end) {
			return null;
		}
		ByteBuffer data = ByteBuffer.allocate(length);
		readFully(channel, data, offset + HEADER_SIZE);
		return (crc(data.array()) == crc) ? data.array() : null;
	}

	/**
	 * Appends a record and returns once it is on disk.
	 * @throws SpoolFullException when the spool has reached its size limit
	 * @throws IOException when the record could not be written or synced
	 */
	void append(byte[] record) throws IOException {
		if (record.length == 0 || record.length > MAX_RECORD_SIZE) {
			throw new IOException("A spool record must have 1 to " + MAX_RECORD_SIZE + " bytes");
		}
		int length = HEADER_SIZE + record.length;
		ByteBuffer framed = ByteBuffer.allocate(length).putInt(record.length).putInt(crc(record)).put(record).flip();
		Segment segment;
		long end;
		this.appendLock.lock();
		try {
			if (this.size.get() + length > this.maxSize) {
				this.refusing = true;
				throw new SpoolFullException("The spool is full (" + this.size.get() + " bytes)");
			}
			segment = segmentFor(length);
			long start = segment.size;
			try {
				writeFully(segment.channel(), framed, start);
			}
			catch (IOException ex) {
				abandon(segment, start);
				throw ex;
			}
			end = start + length;
			segment.size = end;
			this.size.addAndGet(length);
			this.depth.incrementAndGet();
			this.refusing = false;
		}
		finally {
			this.appendLock.unlock();
		}
		sync(segment, end);
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	private Segment segmentFor(int length) throws IOException {
		Segment current = this.active;
		if (current != null && (current.size == 0 || current.size + length <= this.segmentSize)) {
			return current;
		}
		if (current != null) {
			seal(current);
		}
		long id = this.nextSegmentId++;
		Segment segment = new Segment(id, segmentPath(id));
		segment.channel = FileChannel.open(segment.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		forceDirectory(this.directory);
		this.segments.put(id, segment);
		this.active = segment;
		return segment;
	}

	private void seal(Segment segment) throws IOException {
		synchronized (this.syncMonitor) {
			FileChannel channel = segment.channel();
			channel.force(false);
			segment.synced = segment.size;
			segment.sealed = true;
			segment.channel = null;
			this.active = null;
			channel.close();
		}
	}

	/**
	 * After a failed write: cut the partial record off, or, when even that fails, leave
	 * the file for a new one (reading stops at the segment's recorded size anyway).
	 */
	private void abandon(Segment segment, long validSize) {
		try {
			segment.channel().truncate(validSize);
		}
		catch (IOException ex) {
			synchronized (this.syncMonitor) {
				segment.sealed = true;
				this.active = null;
			}
		}
	}

	private void sync(Segment segment, long end) throws IOException {
		synchronized (this.syncMonitor) {
			if (segment.synced >= end) {
				return;
			}
			long target = segment.size;
			FileChannel channel = segment.channel;
			if (channel == null) {
				throw new IOException("The spool segment was closed before it could be synced");
			}
			channel.force(false);
			segment.synced = target;
		}
	}

	/**
	 * Reads, from the forwarded position on, up to the given number of records that are
	 * on disk. For the forwarding thread only.
	 */
	List<Entry> read(int maxRecords) throws IOException {
		List<Entry> entries = new ArrayList<>();
		Position position = this.committed;
		Map.Entry<Long, Segment> current = this.segments.ceilingEntry(position.segment());
		long offset = (current != null && current.getKey() == position.segment()) ? position.offset() : 0;
		while (current != null && entries.size() < maxRecords) {
			Segment segment = current.getValue();
			long readable = segment.sealed ? segment.size : segment.synced;
			byte[] record = readRecord(channelFor(segment), offset, readable);
			if (record != null) {
				offset += HEADER_SIZE + record.length;
				entries.add(new Entry(record, new Position(segment.id, offset)));
			}
			else if (segment.sealed) {
				if (offset < segment.size) {
					// damaged on disk after it was written: what cannot be read cannot be
					// forwarded
					logger.error("Skipping {} unreadable bytes at the end of spool file {}", segment.size - offset,
							segment.path.getFileName());
				}
				current = this.segments.higherEntry(segment.id);
				offset = 0;
			}
			else {
				break;
			}
		}
		return entries;
	}

	private FileChannel channelFor(Segment segment) throws IOException {
		if (this.reading != segment || this.readChannel == null) {
			closeReadChannel();
			this.readChannel = FileChannel.open(segment.path, StandardOpenOption.READ);
			this.reading = segment;
		}
		return this.readChannel;
	}

	/**
	 * Records that everything up to the entry has been forwarded, deletes the files that
	 * are done with, and starts afresh when the spool is empty. For the forwarding thread
	 * only.
	 * @param upTo the last entry forwarded
	 * @param count how many entries that makes since the last commit
	 */
	void commit(Entry upTo, int count) throws IOException {
		Position position = upTo.next();
		this.checkpoint.write(position);
		this.committed = position;
		this.depth.addAndGet(-count);
		for (Segment done : List.copyOf(this.segments.headMap(position.segment(), false).values())) {
			delete(done);
		}
		Segment current = this.segments.get(position.segment());
		if (current != null && current.sealed && position.offset() >= current.size) {
			delete(current);
		}
		resetIfEmpty(position);
		this.refusing = false;
	}

	private void resetIfEmpty(Position position) throws IOException {
		this.appendLock.lock();
		try {
			Segment current = this.active;
			if (current == null || current.id != position.segment() || current.size != position.offset()
					|| this.depth.get() != 0) {
				return;
			}
			seal(current);
			Position fresh = new Position(this.nextSegmentId, 0);
			// the checkpoint moves past the file before the file goes
			this.checkpoint.write(fresh);
			this.committed = fresh;
			delete(current);
		}
		finally {
			this.appendLock.unlock();
		}
	}

	private void delete(Segment segment) throws IOException {
		if (this.reading == segment) {
			closeReadChannel();
		}
		this.segments.remove(segment.id);
		Files.deleteIfExists(segment.path);
		this.size.addAndGet(-segment.size);
	}

	/** Waits until a record may have been appended, at most the given time. */
	void awaitRecords(Duration timeout) throws InterruptedException {
		synchronized (this.signal) {
			if (isEmpty()) {
				this.signal.wait(Math.max(1, timeout.toMillis()));
			}
		}
	}

	/** Waits for the next append to be synced, at most the given time. */
	void awaitSync(Duration timeout) throws InterruptedException {
		synchronized (this.signal) {
			this.signal.wait(Math.max(1, timeout.toMillis()));
		}
	}

	/** Whether every spooled record has been forwarded. */
	boolean isEmpty() {
		return this.depth.get() == 0;
	}

	/** How many records wait to be forwarded. */
	long depth() {
		return this.depth.get();
	}

	/**
	 * Whether the last record offered was refused for lack of room, and nothing has been
	 * forwarded since.
	 */
	boolean isRefusing() {
		return this.refusing;
	}

	/** The bytes the spool's files take. */
	long size() {
		return this.size.get();
	}

	Path directory() {
		return this.directory;
	}

	@Override
	public void close() throws IOException {
		this.appendLock.lock();
		try {
			Segment current = this.active;
			if (current != null) {
				seal(current);
			}
			closeReadChannel();
		}
		finally {
			this.appendLock.unlock();
			this.lockChannel.close();
		}
	}

	private void closeReadChannel() throws IOException {
		FileChannel channel = this.readChannel;
		this.readChannel = null;
		this.reading = null;
		if (channel != null) {
			channel.close();
		}
	}

	private Path segmentPath(long id) {
		return this.directory.resolve(String.format("segment-%020d.log", id));
	}

	static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// not every file system lets a directory be synced; the files themselves are
		}
	}

	private static int crc(byte[] bytes) {
		CRC32C crc = new CRC32C();
		crc.update(bytes);
		return (int) crc.getValue();
	}

	private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		long at = position;
		while (buffer.hasRemaining()) {
			int read = channel.read(buffer, at);
			if (read < 0) {
				throw new EOFException();
			}
			at += read;
		}
		buffer.flip();
	}

	private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		long at = position;
		while (buffer.hasRemaining()) {
			at += channel.write(buffer, at);
		}
	}

	/**
	 * A spooled record and the position right after it.
	 *
	 * @param data the record
	 * @param next where the following record starts
	 */
	record Entry(byte[] data, Position next) {
	}

	/** One segment file. */
	private static final class Segment {

		final long id;

		final Path path;

		volatile long size;

		volatile long synced;

		volatile boolean sealed;

		volatile @Nullable FileChannel channel;

		Segment(long id, Path path) {
			this.id = id;
			this.path = path;
		}

		FileChannel channel() throws IOException {
			FileChannel channel = this.channel;
			if (channel == null) {
				throw new IOException("The spool segment is closed");
			}
			return channel;
		}

	}

}
