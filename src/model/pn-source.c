/* pn-source.c: to be written */
