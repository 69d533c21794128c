@NullMarked
package com.cti.query.voicemails;

import org.jspecify.annotations.NullMarked;
