"""Wagtail's image upload form (WAGTAILIMAGES_IMAGE_FORM_BASE), with the pixel
limit checked from the file's header before anything is decoded.

Wagtail counts pixels only after Willow has opened the image, and Willow's
Pillow plugin decodes every pixel on opening: a small file that claims tens of
millions of pixels (a decompression bomb) is decoded in memory before it is
refused, and a file whose header is fine but whose data is cut short makes
the decoder raise OSError, which Wagtail does not catch (a 500 in the admin).
Here both are form errors, and a bomb is refused from its header alone."""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

UNKNOWN_BUT_TOO_MANY = -1


def claimed_pixels(file):
    """Width x height x frames as the file's header states them, without decoding;
    None when Pillow cannot read the header (Wagtail then refuses or accepts it)."""
    position = file.tell()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(file) as image:
                width, height = image.size
                return width * height * getattr(image, "n_frames", 1)
    except PILImage.DecompressionBombError:
        return UNKNOWN_BUT_TOO_MANY
    except Exception:  # noqa: BLE001 - not an image Pillow knows: Wagtail's own checks decide
        return None
    finally:
        file.seek(position)


class HeaderCheckedImageField(WagtailImageField):
    def to_python(self, data):
        if data and hasattr(data, "read") and self.max_image_pixels:
            pixels = claimed_pixels(data)
            if pixels == UNKNOWN_BUT_TOO_MANY or (pixels is not None and pixels > self.max_image_pixels):
                raise ValidationError(
                    self.error_messages["file_too_many_pixels"]
                    % {
                        "num_pixels": _("unknown number") if pixels == UNKNOWN_BUT_TOO_MANY else pixels,
                        "max_pixels_count": self.max_image_pixels,
                    },
                    code="file_too_many_pixels",
                )
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField) and not isinstance(field, HeaderCheckedImageField):
            # The same field, label, widget and messages; only the checks above are added.
            field.__class__ = HeaderCheckedImageField
