/**
 * Voicemails: one row per call leg on which a caller left one, derived from the leg's
 * merged state (so a transcription that arrives before the upload still lands).
 */
@NullMarked
package com.cti.processor.voicemails;

import org.jspecify.annotations.NullMarked;
