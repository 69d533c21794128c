package com.cti.ingest.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The position up to which the spool has been forwarded to Kafka, in a small file that is
 * replaced atomically (written aside, fsync'd, renamed, directory fsync'd), so that a
 * crash leaves either the old or the new position, never a torn one.
 */
final class SpoolCheckpoint {

	private static final Logger logger = LoggerFactory.getLogger(SpoolCheckpoint.class);

	private static final int SIZE = 20;

	private final Path file;

	private final Path temporary;

	SpoolCheckpoint(Path directory) {
		this.file = directory.resolve("checkpoint");
		this.temporary = directory.resolve("checkpoint.tmp");
	}

	/** The last position written, or the very beginning when there is none. */
	Position read() throws IOException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(this.file);
		}
		catch (NoSuchFileException ex) {
			return Position.START;
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		if (bytes.length == SIZE) {
			long segment = buffer.getLong();
			long offset = buffer.getLong();
			if (buffer.getInt() == crc(segment, offset) && segment >= 0 && offset >= 0) {
				return new Position(segment, offset);
			}
		}
		// better to forward some events twice (same event ids) than to skip any
		logger.error("The spool checkpoint {} is damaged: forwarding everything the spool holds", this.file);
		return Position.START;
	}

	void write(Position position) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(SIZE)
			.putLong(position.segment())
			.putLong(position.offset())
			.putInt(crc(position.segment(), position.offset()))
			.flip();
		try (FileChannel channel = FileChannel.open(this.temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
		Files.move(this.temporary, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		EventSpool.forceDirectory(this.file.getParent());
	}

	private static int crc(long segment, long offset) {
		CRC32C crc = new CRC32C();
		crc.update(ByteBuffer.allocate(16).putLong(segment).putLong(offset).flip());
		return (int) crc.getValue();
	}

	/**
	 * A place in the spool: a segment file and a byte offset in it.
	 *
	 * @param segment the segment's number
	 * @param offset the offset of the next record to forward
	 */
	record Position(long segment, long offset) {

		static final Position START = new Position(0, 0);

	}

}
