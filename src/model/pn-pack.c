/* pn-pack.c: to be written */
